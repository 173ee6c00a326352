import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

describe.each(["fail", "restore", "uncouple"] as const)("deletion conflicts (§4.8) with policy %s", (policy) => {
  let h: SyncHarness;
  let erpId: string;
  let crmId: string;
  beforeEach(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer({ conflicts: { update: "fail", delete: policy } })]));
    [erpId] = (await h.seed("erp", "customers", [
      { displayName: "Adatum", email: "a@adatum.test", city: "Atlanta" },
    ])) as [string];
    await h.run("CUSTOMER");
    crmId = (await h.all("crm", "accounts"))[0]!.id;
  });
  afterEach(async () => h?.close());

  it("should never delete the source, and settle the coupling per policy, when the coupled destination was deleted", async () => {
    await h.remove("crm", "accounts", crmId);
    await h.edit("erp", "customers", erpId, { city: "Savannah" });
    const { passes } = await h.run("CUSTOMER", { direction: "erp-to-crm" });
    const pass = passes[0]!;
    expect(await h.all("erp", "customers")).toHaveLength(1);
    const accounts = await h.all("crm", "accounts");
    const remaining = await h.couplingsOf("CUSTOMER");
    if (policy === "fail") {
      expect(pass.counters.failed).toBe(1);
      expect((await h.errorsOf(pass.jobId))[0]).toMatchObject({ code: "DELETION_CONFLICT" });
      expect(accounts).toHaveLength(0);
      expect(remaining[0]).toMatchObject({ lastResultCrm: "failure" });
    } else if (policy === "restore") {
      expect(pass.counters.inserted).toBe(1);
      expect(accounts.map((a) => a.data.address1_city)).toEqual(["Savannah"]);
      expect(remaining).toHaveLength(1);
      expect(remaining[0]!.crmId).toBe(accounts[0]!.id);
    } else {
      expect(pass.counters.uncoupled).toBe(1);
      expect(remaining).toHaveLength(0);
      expect(accounts).toHaveLength(0);
    }
  });
});
