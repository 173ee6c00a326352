import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplings, fullSyncLines } from "@/db/schema";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { CRM_USERS } from "@/lib/sandbox/demo/demo-ids";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { runFullSync } from "@/lib/sync/engine/full-sync";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { createUncoupledCrmRecordsInErp, fillingBothSides } from "@/lib/sync/test/fill-both-sides";
import { startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { BC_SALES_RULES } from ".";
import { DEFAULT_PRICE_LIST_NAME } from "./rule-helpers";

/**
 * The demo company, fully synchronized once over HTTP with every record created on the side that lacks it (coupling
 * lines create on no match, then the CRM-only records are created in the ERP); each rule is then checked on the
 * result and on new records.
 */
describe("the Business Central ↔ Dynamics 365 Sales rules", () => {
  let h: SyncHarness;
  let runId: string;
  const ctx = () => h.context({ rules: BC_SALES_RULES });
  const coupledCrm = async (mapping: string, erpId: string) =>
    (
      await h.harness.database.db
        .select()
        .from(couplings)
        .where(and(eq(couplings.mappingName, mapping), eq(couplings.erpId, erpId)))
    )[0]?.crmId;
  const erp = (entity: string) => h.all("erp", entity);
  const crm = (entity: string) => h.all("crm", entity);

  beforeAll(async () => {
    h = await startSyncHarness(
      compileModel(fillingBothSides(bcSalesTemplateModel()), { catalogs: STATIC_CATALOGS }).config!,
    );
    await seedSandboxIfEmpty(h.harness.database.db);
    runId = await runFullSync(ctx(), null);
    await createUncoupledCrmRecordsInErp(ctx());
  }, 120_000);
  afterAll(async () => h?.close());

  describe("salesperson coupled before its customer can sync (owner)", () => {
    it("should own the account by the salesperson's user when the salesperson is coupled", async () => {
      const adatum = (await erp("customers")).find((c) => c.data.number === "10000")!;
      const accountId = await coupledCrm("CUSTOMER", adatum.id);
      const account = (await crm("accounts")).find((a) => a.id === accountId)!;
      expect(account.data.ownerid).toBe(CRM_USERS.jim);
    });

    it("should not create the account when the customer's salesperson has no coupled user", async () => {
      const alpine = (await erp("customers")).find((c) => c.data.number === "40000")!;
      expect(await coupledCrm("CUSTOMER", alpine.id)).toBeUndefined();
      expect((await crm("accounts")).some((a) => a.data.name === "Alpine Ski House")).toBe(false);
    });
  });

  describe("only accounts of relationship type Customer sync to customers", () => {
    it("should leave vendor and inactive accounts out when CRM accounts become customers", async () => {
      const names = (await erp("customers")).map((c) => c.data.displayName);
      expect(names).toEqual(expect.arrayContaining(["Litware, Inc.", "Northwind Traders"]));
      expect(names).not.toContain("Fourth Coffee");
      expect(names).not.toContain("Proseware, Inc.");
      expect(names).not.toContain("Blue Yonder Airlines");
    });
  });

  describe("only CRM contacts with a parent account are created in the ERP, salesperson code sets the owner", () => {
    it("should file a CRM contact under its account's customer when it has a parent account", async () => {
      const sara = (await erp("contacts")).find((c) => c.data.email === "sara.davis@litware.example.com");
      expect(sara?.data).toMatchObject({ type: "Person", companyName: "Litware, Inc." });
    });

    it("should not create CRM contacts without a parent account in the ERP", async () => {
      const emails = (await erp("contacts")).map((c) => c.data.email);
      expect(emails).not.toContain("alex.rivera@outlook.example.com");
      expect(emails).not.toContain("dana.whitfield@gmail.example.com");
    });

    it("should own a contact created in the CRM by the salesperson of its customer", async () => {
      const mindy = (await erp("contacts")).find((c) => c.data.displayName === "Mindy Martin")!;
      const contact = (await crm("contacts")).find((c) => c.data.emailaddress1 === mindy.data.email)!;
      expect(contact.data).toMatchObject({ ownerid: CRM_USERS.jim, "parentcustomerid@target": "accounts" });
    });
  });

  describe("currencies couple by ISO code and only those with one sync", () => {
    it("should couple existing currencies by ISO code and create the others when they have one", async () => {
      const codes = (await crm("transactioncurrencies")).map((c) => c.data.isocurrencycode).sort();
      expect(codes).toEqual(["DKK", "EUR", "GBP", "USD"]);
      const eur = (await erp("currencies")).find((c) => c.data.code === "EUR")!;
      const eurId = await coupledCrm("CURRENCY", eur.id);
      expect((await crm("transactioncurrencies")).find((c) => c.data.isocurrencycode === "EUR")!.id).toBe(eurId);
    });

    it("should leave a currency without an ISO code uncoupled when it syncs", async () => {
      const legacy = (await erp("currencies")).find((c) => c.data.code === "EUR-OLD")!;
      expect(await coupledCrm("CURRENCY", legacy.id)).toBeUndefined();
    });
  });

  describe("one unit per unit group", () => {
    it("should give each unit of measure a unit group holding exactly its one base unit when units sync", async () => {
      const groups = (await crm("uomschedules")).filter((g) => g.data.name !== "Default Unit");
      const units = await crm("uoms");
      expect(groups.map((g) => g.data.name).sort()).toEqual(["BOX", "DAY", "HOUR", "PCS"]);
      for (const group of groups) {
        const inGroup = units.filter((u) => u.data.uomscheduleid === group.id);
        expect(inGroup.map((u) => [u.data.name, u.data.isschedulebaseuom])).toEqual([[group.data.name, true]]);
      }
    });
  });

  describe("syncing an item creates/uses the default CRM price list", () => {
    it("should put every item's product on the default price list at the item's price when items sync", async () => {
      const [priceList] = (await crm("pricelevels")).filter((p) => p.data.name === DEFAULT_PRICE_LIST_NAME);
      expect(priceList).toBeDefined();
      const lamp = (await erp("items")).find((i) => i.data.number === "1928-S")!;
      const productId = await coupledCrm("ITEM-PRODUCT", lamp.id);
      const product = (await crm("products")).find((p) => p.id === productId)!;
      expect(product.data).toMatchObject({ pricelevelid: priceList!.id, producttypecode: 1, quantityonhand: 0 });
      const entry = (await crm("productpricelevels")).find(
        (e) => e.data.productid === productId && e.data.pricelevelid === priceList!.id,
      );
      expect(entry?.data).toMatchObject({ amount: 54.9, uomid: product.data.defaultuomid });
    });

    it("should use the same price list and update the price list item when an item's price changes", async () => {
      const desk = (await erp("items")).find((i) => i.data.number === "1906-S")!;
      await h.edit("erp", "items", desk.id, { unitPrice: 299 });
      await runMapping(ctx(), "ITEM-PRODUCT", { trigger: "test", mode: "incremental", direction: "erp-to-crm" });
      const productId = await coupledCrm("ITEM-PRODUCT", desk.id);
      const [priceList] = (await crm("pricelevels")).filter((p) => p.data.name === DEFAULT_PRICE_LIST_NAME);
      const entries = (await crm("productpricelevels")).filter(
        (e) => e.data.productid === productId && e.data.pricelevelid === priceList!.id,
      );
      expect(entries.map((e) => e.data.amount)).toEqual([299]);
      expect((await crm("pricelevels")).filter((p) => p.data.name === DEFAULT_PRICE_LIST_NAME)).toHaveLength(1);
    });
  });

  describe("salespeople ← enabled, licensed, non-integration system users", () => {
    it("should create or couple salespeople only for enabled, licensed people when users sync", async () => {
      const names = (await erp("salespeoplePurchasers")).map((s) => s.data.displayName);
      expect(names).toEqual(expect.arrayContaining(["Nancy Anderson", "Alicia Thomber", "Jim Olive"]));
      for (const excluded of ["Dan Park", "Ursula Lee", "Tandem Integration"]) expect(names).not.toContain(excluded);
      expect(names.filter((n) => n === "Jim Olive")).toHaveLength(1); // matched by e-mail, not created again
    });
  });

  describe("resources ↔ products of type Services", () => {
    it("should make every resource a Services product and keep items out of that mapping when resources sync", async () => {
      const resourceProducts = (await h.couplingsOf("RESOURCE-PRODUCT")).map((c) => c.crmId);
      const products = await crm("products");
      expect(resourceProducts).toHaveLength(3);
      for (const id of resourceProducts) expect(products.find((p) => p.id === id)!.data.producttypecode).toBe(3);
      const itemProducts = new Set((await h.couplingsOf("ITEM-PRODUCT")).map((c) => c.crmId));
      expect(resourceProducts.some((id) => itemProducts.has(id))).toBe(false);
    });
  });

  describe("customer price groups → price lists", () => {
    it("should make each customer price group a price list in the base currency when price groups sync", async () => {
      const lists = await crm("pricelevels");
      const usd = (await crm("transactioncurrencies")).find((c) => c.data.isocurrencycode === "USD")!;
      for (const code of ["RETAIL", "WHOLESALE"])
        expect(lists.find((l) => l.data.name === code)?.data.transactioncurrencyid).toBe(usd.id);
    });
  });

  describe("sales prices with a sales code and type Customer Price Group → price list items", () => {
    it("should make price list items of group prices only, on their group's price list, in the product's unit", async () => {
      const wholesale = (await crm("pricelevels")).find((l) => l.data.name === "WHOLESALE")!;
      const items = (await crm("productpricelevels")).filter((e) => e.data.pricelevelid === wholesale.id);
      expect(items.map((e) => e.data.amount).sort()).toEqual([169, 46.5, 899.5]);
      expect(items.every((e) => Boolean(e.data.uomid))).toBe(true);
      expect((await crm("productpricelevels")).some((e) => e.data.amount === 179)).toBe(false); // a single customer's price
    });
  });

  describe("posted invoices after their dependencies, owner from salesperson code", () => {
    it("should start the invoices only after their dependencies finished, own each by its salesperson's user and carry its payment terms", async () => {
      const lines = await h.harness.database.db.select().from(fullSyncLines).where(eq(fullSyncLines.runId, runId));
      const invoices = lines.find((l) => l.mappingName === "POSTEDSALESINV-INV")!;
      for (const parent of invoices.dependsOn)
        expect(lines.find((l) => l.mappingName === parent)!.finishedAt!.getTime()).toBeLessThanOrEqual(
          invoices.startedAt!.getTime(),
        );
      const created = await crm("invoices");
      expect(created.length).toBeGreaterThan(0);
      const posted = await erp("salesInvoices");
      const salespeople = await erp("salespeoplePurchasers");
      for (const invoice of created) {
        const source = posted.find((p) => p.data.number === invoice.data.invoicenumber)!;
        // Which user, not just some owner: the one SALESPEOPLE couples to the invoice's own salesperson.
        const salesperson = salespeople.find((s) => s.data.code === source.data.salesperson)!;
        expect(invoice.data.ownerid).toBe(await coupledCrm("SALESPEOPLE", salesperson.id));
        const option = await coupledCrm("PAYMENT TERMS", String(source.data.paymentTermsId));
        expect(invoice.data.paymenttermscode ?? null).toBe(option === undefined ? null : Number(option));
      }
      expect((await crm("invoicedetails")).length).toBeGreaterThan(0);
    });
  });
});
