import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEGRATION_USER_ID } from "@/lib/sandbox/sandbox-settings";
import { compileMappings, startSyncHarness, type SyncHarness } from "../test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

describe("echo suppression (§4.9): a synced change never comes back", () => {
  describe("with one-way fields both ways (write receipts only)", () => {
    let h: SyncHarness;
    beforeAll(async () => {
      h = await startSyncHarness(compileMappings([simpleCustomer()]));
      await h.seed("erp", "customers", [{ displayName: "Adatum", email: "a@adatum.test", city: "Atlanta" }]);
      await h.run("CUSTOMER");
    });
    afterAll(async () => h?.close());

    it("should find the CRM record unchanged in the opposite pass when the ERP change was just written into it", async () => {
      const [customer] = await h.all("erp", "customers");
      await h.edit("erp", "customers", customer!.id, { city: "Savannah" });
      const { passes } = await h.run("CUSTOMER");
      expect(passes[0]!.counters.modified).toBe(1);
      expect(passes[1]!.counters).toMatchObject({ modified: 0, failed: 0 });
      const quiet = await h.run("CUSTOMER");
      expect(quiet.passes.map((p) => p.counters.modified + p.counters.inserted)).toEqual([0, 0]);
      expect((await h.all("erp", "customers"))[0]!.modifiedAt.getTime()).toBe(
        (await h.all("erp", "customers")).find((c) => c.id === customer!.id)!.modifiedAt.getTime(),
      );
    });

    it("should stamp the coupling with the destination's modified-on after the write", async () => {
      const [coupling] = await h.couplingsOf("CUSTOMER");
      const [account] = await h.all("crm", "accounts");
      // Dataverse stamps modified-on to the second; the ETag tells apart changes within that second.
      expect(coupling!.lastSyncedCrmModifiedOn!.getTime()).toBe(Math.floor(account!.modifiedAt.getTime() / 1000) * 1000);
      expect(coupling!.crmEtag).toMatch(/^W\/"/);
    });
  });

  describe("with only two-way and ERP-to-CRM fields (the integration user's rows are left out)", () => {
    let h: SyncHarness;
    beforeAll(async () => {
      h = await startSyncHarness(compileMappings([simpleCustomer({ fields: [{ erp: "displayName", crm: "name", direction: "bidirectional" }, { erp: "creditLimit", crm: "creditlimit", direction: "erp-to-crm" }] })]));
      await h.seed("erp", "customers", [{ displayName: "Adatum", creditLimit: 5 }]);
      await h.run("CUSTOMER");
    });
    afterAll(async () => h?.close());

    it("should not even consider CRM rows last written by the integration user when it reads the CRM", async () => {
      const [account] = await h.all("crm", "accounts");
      expect(account!.modifiedBy).toBe(INTEGRATION_USER_ID);
      const { passes } = await h.run("CUSTOMER", { direction: "crm-to-erp" });
      expect(passes[0]!.counters).toMatchObject({ unchanged: 0, modified: 0, skipped: 0 });
    });
  });
});

describe("coupling stamps (§4.5)", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
    await h.seed("erp", "customers", [{ displayName: "Adatum", email: "a@adatum.test", city: "Atlanta", phoneNumber: "" }]);
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
