import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

/**
 * Per-record change detection (§4.5): a record read again (a full re-read, the watermark's overlap) is written only
 * when it changed since its last sync. Values alone cannot tell: a one-way field a person changed on the destination
 * differs from the source, and must stay until the source changes.
 */
describe("per-record change detection", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
    await h.seed(
      "erp",
      "customers",
      [1, 2, 3].map((i) => ({
        displayName: `Detect ${i}`,
        email: `d${i}@detect.test`,
        city: "Start",
        creditLimit: 100 * i,
        phoneNumber: "",
      })),
    );
    await h.run("CUSTOMER");
  });
  afterAll(async () => h?.close());

  const accounts = async () => new Map((await h.all("crm", "accounts")).map((a) => [a.data.name as string, a]));

  it("should write no record when everything is read again and nothing changed at the source", async () => {
    const target = (await accounts()).get("Detect 1")!;
    // A person overrides an ERP-to-CRM field in the CRM; the ERP customer itself does not change.
    await h.edit("crm", "accounts", target.id, { creditlimit: 999 });
    const before = new Map([...(await accounts())].map(([name, a]) => [name, a.modifiedAt.getTime()]));
    const { passes } = await h.run("CUSTOMER", { mode: "full", direction: "erp-to-crm" });
    expect(passes[0]!.counters).toMatchObject({ modified: 0, inserted: 0, unchanged: 3 });
    const after = await accounts();
    for (const [name, at] of before) expect(after.get(name)!.modifiedAt.getTime(), name).toBe(at);
    expect(after.get("Detect 1")!.data.creditlimit).toBe(999);
  });

  it("should write exactly the record whose source changed when one of many did", async () => {
    const customer = (await h.all("erp", "customers")).find((c) => c.data.displayName === "Detect 2")!;
    await h.edit("erp", "customers", customer.id, { city: "Moved" });
    const before = new Map([...(await accounts())].map(([name, a]) => [name, a.modifiedAt.getTime()]));
    const { passes } = await h.run("CUSTOMER", { mode: "full", direction: "erp-to-crm" });
    expect(passes[0]!.counters).toMatchObject({ modified: 1, unchanged: 2 });
    const job = (await h.jobsOf("CUSTOMER")).find((j) => j.id === passes[0]!.jobId)!;
    expect(job.expected).toBe(3); // a full pass counts its source first, for its progress bar
    const after = await accounts();
    expect(
      [...before].filter(([name, at]) => after.get(name)!.modifiedAt.getTime() !== at).map(([name]) => name),
    ).toEqual(["Detect 2"]);
    expect(after.get("Detect 1")!.data.creditlimit).toBe(999);
  });
});
