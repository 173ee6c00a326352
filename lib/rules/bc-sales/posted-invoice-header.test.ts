import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { coupleDirectly } from "@/lib/sync/test/couple";
import { startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { BC_SALES_RULES } from ".";

/**
 * POSTEDSALESINV-INV (§5.2): the salesperson's coupled user owns the invoice, and its payment terms become the
 * invoice's option through PAYMENT TERMS' couplings — blank when the code has no option in Sales.
 */
describe("posted invoice header: owner and payment terms", () => {
  let h: SyncHarness;
  const users: Record<string, string | undefined> = {};
  let codId: string;
  const invoice = async (number: string) =>
    (await h.all("crm", "invoices")).find((i) => i.data.invoicenumber === number)!.data;

  beforeAll(async () => {
    h = await startSyncHarness(compileModel(bcSalesTemplateModel(), { catalogs: STATIC_CATALOGS }).config!);
    const ctx = () => h.context({ rules: BC_SALES_RULES });
    await h.seed("crm", "transactioncurrencies", [
      { isocurrencycode: "USD", currencyname: "US Dollar", exchangerate: 1 },
    ]);
    [users.jim, users.peter] = await h.seed("crm", "systemusers", [
      { fullname: "Jim Olive", internalemailaddress: "jim@adatum.test", isdisabled: false, islicensed: true },
      { fullname: "Peter Saddow", internalemailaddress: "peter@adatum.test", isdisabled: false, islicensed: true },
    ]);
    const [jo, ps] = await h.seed("erp", "salespeoplePurchasers", [
      { code: "JO", email: "jim@adatum.test" },
      { code: "PS", email: "peter@adatum.test" },
    ]);
    await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", jo!, users.jim!);
    await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", ps!, users.peter!);
    // NET 30 couples to the CRM's "Net 30" (1); COD gets a new option in the account's column only.
    const [net30, cod] = await h.seed("erp", "paymentTerms", [{ code: "NET 30" }, { code: "COD" }]);
    await h.run("PAYMENT TERMS", { mode: "full", createUncoupled: true, matchBeforeCreate: true }, ctx());
    // Set up after PAYMENT TERMS last ran: no option in Sales yet.
    const [cm] = await h.seed("erp", "paymentTerms", [{ code: "CM" }]);
    codId = cod!;
    const [customerId] = await h.seed("erp", "customers", [
      { number: "10000", displayName: "Adatum", salespersonCode: "JO", blocked: "_x0020_" },
    ]);
    await h.run("CUSTOMER", { mode: "full", direction: "erp-to-crm", createUncoupled: true }, ctx());
    const posted = (number: string, salesperson: string, paymentTermsId: string) => ({
      number,
      status: "Open",
      customerId,
      customerNumber: "10000",
      salesperson,
      paymentTermsId,
      totalAmountExcludingTax: 100,
      totalAmountIncludingTax: 119,
    });
    await h.seed("erp", "salesInvoices", [
      posted("103001", "JO", net30!),
      posted("103002", "PS", cm!),
      posted("103003", "JO", cod!),
    ]);
    await h.run("POSTEDSALESINV-INV", { mode: "full", createUncoupled: true }, ctx());
  }, 60_000);
  afterAll(async () => h?.close());

  it("should own each invoice by the user coupled to the invoice's own salesperson", async () => {
    expect((await invoice("103001")).ownerid).toBe(users.jim);
    expect((await invoice("103002")).ownerid).toBe(users.peter);
  });

  it("should carry the payment terms' option when the code is coupled and leave it blank when it is not", async () => {
    expect((await invoice("103001")).paymenttermscode).toBe(1);
    expect((await invoice("103002")).paymenttermscode ?? null).toBeNull();
  });

  it("should add an option the account's column got to the invoice's own column before the invoice uses it", async () => {
    const option = (await h.couplingsOf("PAYMENT TERMS")).find((c) => c.erpId === codId)!.crmId;
    expect(Number(option)).toBeGreaterThanOrEqual(100_000_000);
    expect((await invoice("103003")).paymenttermscode).toBe(Number(option));
    const [column] = await h.harness.dataverse().readByIds("invoice.paymenttermscode", [option]);
    expect(column?.values).toMatchObject({ label: "COD" });
  });
});
