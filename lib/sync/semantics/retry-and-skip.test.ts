import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreSkipped } from "../engine/coupling-operations";
import { writeWatermark } from "../engine/watermark-store";
import { coupleDirectly } from "../test/couple";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { ownedCustomer, simpleSalespeople } from "../test/simple-mappings";

describe("retry first, and skip on repeated failure (§4.10)", () => {
  let h: SyncHarness;
  let customer: string;
  let john: string;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleSalespeople(), ownedCustomer({})]));
    [john] = (await h.seed("crm", "systemusers", [
      { fullname: "John Roberts", internalemailaddress: "john@cronus.test" },
    ])) as [string];
    await h.seed("erp", "salespeoplePurchasers", [
      { code: "JR", displayName: "John Roberts", email: "john@cronus.test" },
    ]);
    [customer] = (await h.seed("erp", "customers", [{ displayName: "Alpine", salespersonCode: "" }])) as [string];
    await h.run("CUSTOMER");
  });
  afterAll(async () => h?.close());

  const coupling = async () => (await h.couplingsOf("CUSTOMER"))[0]!;

  it("should mark the coupling failed when a coupled record fails", async () => {
    await h.edit("erp", "customers", customer, { salespersonCode: "JR" });
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters.failed).toBe(1);
    expect(await coupling()).toMatchObject({ lastResultCrm: "failure", skipped: false });
  });

  /** Later runs moved the watermark on: the record is no longer within the overlap, so only retry-first reads it. */
  const moveWatermarkPast = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await writeWatermark(h.harness.database.db, h.pairId, "CUSTOMER", "erp-to-crm", new Date().toISOString());
  };

  it("should retry the failed record first on the next run although it did not change and the watermark moved past it", async () => {
    await moveWatermarkPast();
    const jr = (await h.all("erp", "salespeoplePurchasers")).find((s) => s.data.code === "JR")!;
    await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", jr.id, john);
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect(await coupling()).toMatchObject({ lastResultCrm: "success", lastErrorCrm: null });
    expect((await h.all("crm", "accounts"))[0]!.data.ownerid).toBe(john);
  });

  it("should skip the record when the same error happens twice in a row", async () => {
    await h.seed("erp", "salespeoplePurchasers", [{ code: "XX", displayName: "Nobody", email: "x@cronus.test" }]);
    await h.edit("erp", "customers", customer, { salespersonCode: "XX" });
    const first = await h.run("CUSTOMER");
    const second = await h.run("CUSTOMER");
    expect(first.passes[0]!.counters.failed).toBe(1);
    expect(second.passes[0]!.counters.failed).toBe(1);
    expect(await coupling()).toMatchObject({ skipped: true, lastResultCrm: "failure" });
  });

  it("should leave a skipped record out of retries and count it skipped when it changes again", async () => {
    const quiet = await h.run("CUSTOMER");
    expect(quiet.passes[0]!.counters.failed).toBe(0);
    expect(await coupling()).toMatchObject({ skipped: true });
    await h.edit("erp", "customers", customer, { displayName: "Alpine Ski House" });
    const changed = await h.run("CUSTOMER");
    expect(changed.passes[0]!.counters).toMatchObject({ failed: 0, skipped: 1 });
  });

  it("should retry a restored record on the next run although it did not change, and sync it when the cause is gone", async () => {
    // The cause goes away without touching the customer: XX gets a CRM user.
    const [nobody] = await h.seed("crm", "systemusers", [
      { fullname: "Nobody", internalemailaddress: "x@cronus.test" },
    ]);
    const xx = (await h.all("erp", "salespeoplePurchasers")).find((s) => s.data.code === "XX")!;
    await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", xx.id, nobody!);
    await moveWatermarkPast();
    const stillSkipped = await h.run("CUSTOMER");
    expect(stillSkipped.passes[0]!.counters).toMatchObject({ modified: 0, failed: 0 });
    expect(await restoreSkipped(h.context(), "CUSTOMER")).toEqual({ restored: 1 });
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    const [account] = await h.all("crm", "accounts");
    expect(account!.data).toMatchObject({ name: "Alpine Ski House", ownerid: nobody });
    expect(await coupling()).toMatchObject({ skipped: false, lastResultCrm: "success" });
  });
});
