import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldMappingInput, TableMappingInput } from "@/lib/mapping/model/table-mapping";
import { INTEGRATION_USER_ID } from "@/lib/sandbox/sandbox-settings";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer, simpleSalespeople } from "../test/simple-mappings";

const PERSON = "0e7ab9d0-0000-4000-8000-00000000ed17";

describe("echo suppression (§4.9): a synced change never comes back", () => {
  describe("write receipts", () => {
    let h: SyncHarness;
    beforeAll(async () => {
      // A transform that is not its own inverse: without receipts, the ERP's upper-cased name would travel back.
      const name: FieldMappingInput = {
        erp: "displayName",
        crm: "name",
        direction: "bidirectional",
        transforms: [{ type: "uppercase" }],
        transformFlow: "crm-to-erp",
      };
      h = await startSyncHarness(
        compileMappings([
          simpleCustomer({ fields: [name, { erp: "phoneNumber", crm: "telephone1", direction: "crm-to-erp" }] }),
        ]),
      );
      await h.seed("crm", "accounts", [
        { name: "Adatum", telephone1: "1", customertypecode: 3, statecode: 0, statuscode: 1 },
      ]);
      await h.run("CUSTOMER");
    });
    afterAll(async () => h?.close());

    it("should write nothing in either pass when the only change since the last run is the integration's own write", async () => {
      const [customer] = await h.all("erp", "customers");
      expect(customer!.data.displayName).toBe("ADATUM");
      const before = {
        erp: customer!.modifiedAt.getTime(),
        crm: (await h.all("crm", "accounts"))[0]!.modifiedAt.getTime(),
      };
      const quiet = await h.run("CUSTOMER");
      expect(quiet.passes.map((p) => p.counters.modified + p.counters.inserted)).toEqual([0, 0]);
      expect((await h.all("erp", "customers"))[0]!.modifiedAt.getTime()).toBe(before.erp);
      expect((await h.all("crm", "accounts"))[0]!.modifiedAt.getTime()).toBe(before.crm);
      expect((await h.all("crm", "accounts"))[0]!.data.name).toBe("Adatum");
    });

    it("should stamp the coupling with the destination's own modified-on and ETag after the write", async () => {
      const [coupling] = await h.couplingsOf("CUSTOMER");
      const [customer] = await h.all("erp", "customers");
      expect(coupling!.lastSyncedErpModifiedOn!.getTime()).toBe(customer!.modifiedAt.getTime());
      expect(coupling!.erpEtag).toMatch(/^W\/"/);
    });
  });

  // Every mapping kind: the seed ignores the connection account's modifications, whatever the mapping's fields.
  const contact: TableMappingInput = {
    name: "CONTACT",
    erp: { entity: "contacts", key: "id", modifiedOn: "lastModifiedDateTime" },
    crm: { entity: "contacts", key: "contactid", modifiedOn: "modifiedon" },
    direction: "bidirectional",
    syncOnlyCoupled: false,
    fields: [
      { erp: "displayName", crm: "lastname", direction: "erp-to-crm" },
      { erp: "email", crm: "emailaddress1", direction: "bidirectional" },
      { erp: "phoneNumber", crm: "telephone1", direction: "crm-to-erp" },
      { erp: "type", crm: undefined, direction: "crm-to-erp", constant: "Person" },
    ],
  };
  const kinds = [
    {
      kind: "a two-way mapping with CRM-to-ERP-only fields",
      mappings: [simpleCustomer()],
      name: "CUSTOMER",
      crm: {
        entity: "accounts",
        row: { name: "Echo Account", telephone1: "1", customertypecode: 3, statecode: 0, statuscode: 1 },
        change: { telephone1: "2" },
      },
      erp: { entity: "customers", field: "phoneNumber" },
    },
    {
      kind: "a two-way mapping with only two-way fields",
      mappings: [
        {
          ...simpleCustomer(),
          fields: [
            { erp: "displayName", crm: "name", direction: "bidirectional" as const },
            { erp: "phoneNumber", crm: "telephone1", direction: "bidirectional" as const },
          ],
        },
      ],
      name: "CUSTOMER",
      crm: {
        entity: "accounts",
        row: { name: "Echo Account", telephone1: "1", customertypecode: 3, statecode: 0, statuscode: 1 },
        change: { telephone1: "2" },
      },
      erp: { entity: "customers", field: "phoneNumber" },
    },
    {
      kind: "a CONTACT-like mapping",
      mappings: [contact],
      name: "CONTACT",
      crm: {
        entity: "contacts",
        row: { lastname: "Echo Contact", emailaddress1: "e@echo.test", telephone1: "1" },
        change: { telephone1: "2" },
      },
      erp: { entity: "contacts", field: "phoneNumber" },
    },
    {
      kind: "a CRM-to-ERP mapping (SALESPEOPLE)",
      mappings: [{ ...simpleSalespeople(), syncOnlyCoupled: false, match: undefined }],
      name: "SALESPEOPLE",
      crm: {
        entity: "systemusers",
        row: { fullname: "Echo User", internalemailaddress: "u@echo.test" },
        change: { fullname: "Echo User Renamed" },
      },
      erp: { entity: "salespeoplePurchasers", field: "displayName" },
    },
  ];

  describe.each(kinds)("the integration user's CRM rows in $kind", ({ mappings, name, crm, erp }) => {
    let h: SyncHarness;
    let row: string;
    beforeAll(async () => {
      h = await startSyncHarness(compileMappings(mappings as TableMappingInput[]));
      [row] = (await h.seed("crm", crm.entity, [crm.row])) as [string];
      await h.run(name, { direction: "crm-to-erp" });
    });
    afterAll(async () => h?.close());

    it("should leave out a change the integration user made in the CRM and take the same change from a person", async () => {
      const erpValue = async () =>
        (await h.couplingsOf(name)).length && (await h.all("erp", erp.entity)).map((r) => r.data[erp.field]);
      const before = await erpValue();
      await h.edit("crm", crm.entity, row, crm.change, INTEGRATION_USER_ID);
      const ignored = await h.run(name, { direction: "crm-to-erp" });
      expect(ignored.passes[0]!.counters).toMatchObject({ modified: 0, unchanged: 0, failed: 0, inserted: 0 });
      expect(await erpValue()).toEqual(before);
      await h.edit("crm", crm.entity, row, crm.change, PERSON);
      const taken = await h.run(name, { direction: "crm-to-erp" });
      expect(taken.passes[0]!.counters.modified).toBe(1);
      expect(await erpValue()).toEqual([Object.values(crm.change)[0]]);
    });
  });
});

describe("coupling stamps (§4.5)", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
    await h.seed("erp", "customers", [
      { displayName: "Adatum", email: "a@adatum.test", city: "Atlanta", phoneNumber: "" },
    ]);
    await h.run("CUSTOMER");
  });
  afterAll(async () => h?.close());

  it("should not take a CRM change as synced when the pass into the CRM found its ERP record unchanged", async () => {
    const [account] = await h.all("crm", "accounts");
    await h.edit("crm", "accounts", account!.id, { telephone1: "+1 555 0199" });
    const toCrm = await h.run("CUSTOMER", { direction: "erp-to-crm" });
    expect(toCrm.passes[0]!.counters.modified).toBe(0);
    const fromCrm = await h.run("CUSTOMER", { direction: "crm-to-erp" });
    expect(fromCrm.passes[0]!.counters.modified).toBe(1);
    expect((await h.all("erp", "customers"))[0]!.data.phoneNumber).toBe("+1 555 0199");
  });
});
