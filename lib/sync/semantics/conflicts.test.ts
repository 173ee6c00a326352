import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncConflicts } from "@/db/schema";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { resolveConflict } from "../engine/resolve-conflict";
import { simpleCustomer } from "../test/simple-mappings";

type Policy = "fail" | "erp-wins" | "crm-wins" | "queue";

async function coupledPair(policy: Policy) {
  const h = await startSyncHarness(
    compileMappings([simpleCustomer({ conflicts: { update: policy, delete: "fail" } })]),
  );
  const [erpId] = await h.seed("erp", "customers", [
    { displayName: "Adatum", email: "a@adatum.test", city: "Atlanta", creditLimit: 10, phoneNumber: "" },
  ]);
  await h.run("CUSTOMER");
  const [account] = await h.all("crm", "accounts");
  return { h, erpId: erpId!, crmId: account!.id };
}

describe("update conflicts only on bidirectional fields (§4.7)", () => {
  let h: SyncHarness;
  let erpId: string;
  let crmId: string;
  beforeEach(async () => ({ h, erpId, crmId } = await coupledPair("fail")));
  afterEach(async () => h?.close());

  it("should apply both changes without a conflict when both records changed only one-way fields", async () => {
    await h.edit("erp", "customers", erpId, { creditLimit: 99 });
    await h.edit("crm", "accounts", crmId, { telephone1: "+1 555 0100" });
    const { passes } = await h.run("CUSTOMER");
    expect(passes.map((p) => [p.counters.modified, p.counters.failed])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect((await h.all("crm", "accounts"))[0]!.data.creditlimit).toBe(99);
    expect((await h.all("erp", "customers"))[0]!.data.phoneNumber).toBe("+1 555 0100");
  });

  it("should fail both passes naming the field and keep both values when a bidirectional field differs and the policy is fail", async () => {
    await h.edit("erp", "customers", erpId, { displayName: "Adatum ERP" });
    await h.edit("crm", "accounts", crmId, { name: "Adatum CRM" });
    const { passes } = await h.run("CUSTOMER");
    expect(passes.map((p) => p.counters.failed)).toEqual([1, 1]);
    const [error] = await h.errorsOf(passes[0]!.jobId);
    expect(error).toMatchObject({ code: "UPDATE_CONFLICT", sourceId: erpId, destinationId: crmId });
    expect((await h.all("erp", "customers"))[0]!.data.displayName).toBe("Adatum ERP");
    expect((await h.all("crm", "accounts"))[0]!.data.name).toBe("Adatum CRM");
  });
});

describe.each([
  ["erp-wins", "Adatum ERP"],
  ["crm-wins", "Adatum CRM"],
] as const)("update conflict policy %s", (policy, winner) => {
  let h: SyncHarness;
  let erpId: string;
  let crmId: string;
  beforeEach(async () => ({ h, erpId, crmId } = await coupledPair(policy)));
  afterEach(async () => h?.close());

  it("should leave the winner's value on both sides and log what it overwrote when both changed a bidirectional field", async () => {
    await h.edit("erp", "customers", erpId, { displayName: "Adatum ERP" });
    await h.edit("crm", "accounts", crmId, { name: "Adatum CRM" });
    const first = await h.run("CUSTOMER");
    expect(first.passes.map((p) => p.counters.failed)).toEqual([0, 0]);
    expect((await h.all("erp", "customers"))[0]!.data.displayName).toBe(winner);
    expect((await h.all("crm", "accounts"))[0]!.data.name).toBe(winner);
    const [conflict] = await h.harness.database.db
      .select()
      .from(syncConflicts)
      .where(eq(syncConflicts.mappingName, "CUSTOMER"));
    expect(conflict).toMatchObject({ kind: "update", resolution: policy, status: "closed", erpId, crmId });
    expect(JSON.stringify(conflict!.changes)).toContain(policy === "erp-wins" ? "Adatum CRM" : "Adatum ERP");
    const again = await h.run("CUSTOMER");
    expect(again.passes.map((p) => p.counters.modified + p.counters.failed)).toEqual([0, 0]);
  });
});

describe("update conflict policy queue", () => {
  let h: SyncHarness;
  let erpId: string;
  let crmId: string;
  beforeEach(async () => ({ h, erpId, crmId } = await coupledPair("queue")));
  afterEach(async () => h?.close());

  it("should write nothing and park the conflict for a person when both changed a bidirectional field", async () => {
    await h.edit("erp", "customers", erpId, { displayName: "Adatum ERP" });
    await h.edit("crm", "accounts", crmId, { name: "Adatum CRM" });
    const { passes } = await h.run("CUSTOMER");
    expect(passes.map((p) => p.counters.skipped)).toEqual([1, 1]);
    expect((await h.all("erp", "customers"))[0]!.data.displayName).toBe("Adatum ERP");
    expect((await h.all("crm", "accounts"))[0]!.data.name).toBe("Adatum CRM");
    const open = await h.harness.database.db.select().from(syncConflicts).where(eq(syncConflicts.status, "open"));
    expect(open).toHaveLength(1);
    expect((await h.couplingsOf("CUSTOMER"))[0]!.skipped).toBe(true);
  });

  /** Both changed the name and the e-mail, the CRM its one-way phone too: one open conflict waits. */
  async function parked() {
    await h.edit("erp", "customers", erpId, { displayName: "Adatum ERP", email: "erp@adatum.test" });
    await h.edit("crm", "accounts", crmId, {
      name: "Adatum CRM",
      emailaddress1: "crm@adatum.test",
      telephone1: "+1 555 0111",
    });
    await h.run("CUSTOMER");
    const [open] = await h.harness.database.db.select().from(syncConflicts).where(eq(syncConflicts.status, "open"));
    return open!;
  }

  it("should write each field's chosen side and the one-way change, and close the conflict, when decided field by field", async () => {
    const conflict = await parked();
    const result = await resolveConflict(
      h.context(),
      conflict.id,
      { fields: { "displayName:name": "crm", "email:emailaddress1": "erp" } },
      null,
    );
    expect(result.resolution).toBe("field-by-field");
    const erp = (await h.all("erp", "customers"))[0]!.data;
    const crm = (await h.all("crm", "accounts"))[0]!.data;
    expect([erp.displayName, crm.name]).toEqual(["Adatum CRM", "Adatum CRM"]);
    expect([erp.email, crm.emailaddress1]).toEqual(["erp@adatum.test", "erp@adatum.test"]);
    expect(erp.phoneNumber).toBe("+1 555 0111");
    const open = await h.harness.database.db.select().from(syncConflicts).where(eq(syncConflicts.status, "open"));
    expect(open).toHaveLength(0);
    expect((await h.couplingsOf("CUSTOMER"))[0]!.skipped).toBe(false);
    const again = await h.run("CUSTOMER");
    expect(again.passes.map((p) => p.counters.modified + p.counters.failed + p.counters.skipped)).toEqual([0, 0]);
  });

  it("should refuse a decision that leaves a differing field undecided and keep the conflict open", async () => {
    const conflict = await parked();
    await expect(
      resolveConflict(h.context(), conflict.id, { fields: { "displayName:name": "crm" } }, null),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("emailaddress1") });
    const [still] = await h.harness.database.db.select().from(syncConflicts).where(eq(syncConflicts.id, conflict.id));
    expect(still!.status).toBe("open");
    expect((await h.all("erp", "customers"))[0]!.data.displayName).toBe("Adatum ERP");
  });
});
