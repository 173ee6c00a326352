import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { startSyncHarness, type SyncHarness } from "./test/sync-harness";

const MAPPINGS = ["SALESPEOPLE", "CURRENCY", "PAYMENT TERMS", "SHIPMENT METHOD", "SHIPPING AGENT", "CUSTOMER"];
const OPTIONS = ["paymenttermscode", "address1_freighttermscode", "address1_shippingmethodcode"];

/**
 * The seed's "Field Mapping for the Sales Account Option": payment terms, shipment methods and shipping agents reach
 * the account's choice columns through the option mappings' couplings (the template's CUSTOMER over both sandboxes);
 * a code with no option in Sales leaves the column blank, on create and on update.
 */
describe("account option fields (seed: Field Mapping for the Sales Account Option)", () => {
  let h: SyncHarness;
  let adatum: string;
  const terms: Record<string, string | undefined> = {};

  /** The account's three option values, as the Dataverse Web API answers them. */
  async function optionsOf(customerId: string): Promise<unknown[]> {
    const crmId = (await h.couplingsOf("CUSTOMER")).find((c) => c.erpId === customerId)!.crmId;
    const [account] = await h.harness.dataverse().readByIds("accounts", [crmId], OPTIONS);
    return OPTIONS.map((field) => account!.values[field] ?? null);
  }

  beforeAll(async () => {
    const model = bcSalesTemplateModel();
    h = await startSyncHarness(
      compileModel({ mappings: model.mappings.filter((m) => MAPPINGS.includes(m.name)) }, { catalogs: STATIC_CATALOGS })
        .config!,
    );
    [terms.net30, terms.net60] = await h.seed("erp", "paymentTerms", [{ code: "NET 30" }, { code: "NET 60" }]);
    const [fob] = await h.seed("erp", "shipmentMethods", [{ code: "FOB" }]);
    await h.seed("erp", "shippingAgents", [{ code: "DHL" }, { code: "UPS" }]);
    // The codes couple to the CRM's options of the same label (Net 30 = 1, Net 60 = 4, FOB = 1, DHL = 2, UPS = 4).
    for (const mapping of ["PAYMENT TERMS", "SHIPMENT METHOD", "SHIPPING AGENT"])
      await h.run(mapping, { mode: "full", createUncoupled: true, matchBeforeCreate: true });
    // Set up in Business Central after the option mappings last ran: no option in Sales yet.
    [terms.cm] = await h.seed("erp", "paymentTerms", [{ code: "CM" }]);
    await h.seed("erp", "shippingAgents", [{ code: "COURIER" }]);
    adatum = (
      await h.seed("erp", "customers", [
        {
          displayName: "Adatum",
          paymentTermsId: terms.net30,
          shipmentMethodId: fob,
          shippingAgentCode: "DHL",
          blocked: "_x0020_",
        },
      ])
    )[0]!;
    await h.seed("erp", "customers", [
      {
        displayName: "Trey Research",
        paymentTermsId: terms.net60,
        shipmentMethodId: fob,
        shippingAgentCode: "COURIER",
        blocked: "_x0020_",
      },
    ]);
    await h.run("CUSTOMER", { mode: "full", direction: "erp-to-crm", createUncoupled: true });
  }, 60_000);
  afterAll(async () => h?.close());

  it("should carry payment terms, shipment method and shipping agent into the account's options when the codes are coupled", async () => {
    expect(await optionsOf(adatum)).toEqual([1, 1, 2]);
  });

  it("should leave the option blank and still create the account when a code has no option in Sales", async () => {
    const trey = (await h.all("erp", "customers")).find((c) => c.data.displayName === "Trey Research")!;
    expect(await optionsOf(trey.id)).toEqual([4, 1, null]);
  });

  it("should blank the option instead of keeping the old one when an update moves the code to one without an option", async () => {
    await h.edit("erp", "customers", adatum, { paymentTermsId: terms.cm, shippingAgentCode: "UPS" });
    const { passes } = await h.run("CUSTOMER", { direction: "erp-to-crm" });
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect(await optionsOf(adatum)).toEqual([null, 1, 4]);
  });

  it("should write the coupled agent's code into the customer through Tandem's page when the account's shipping method changes", async () => {
    const crmId = (await h.couplingsOf("CUSTOMER")).find((c) => c.erpId === adatum)!.crmId;
    await h.edit("crm", "accounts", crmId, { address1_shippingmethodcode: 2 });
    const { passes } = await h.run("CUSTOMER", { direction: "crm-to-erp" });
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    const [customer] = await h.harness.businessCentral().readByIds("customers", [adatum], ["shippingAgentCode"]);
    expect(customer!.values.shippingAgentCode).toBe("DHL");
  });
});
