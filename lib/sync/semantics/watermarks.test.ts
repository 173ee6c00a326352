import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRM_SCOPE } from "@/lib/connectors/test/sandbox-harness";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { readWatermark } from "../engine/watermark-store";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

describe("watermarks (§4.2, §4.3)", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(
      compileMappings([
        simpleCustomer({
          direction: "erp-to-crm",
          fields: [{ erp: "displayName", crm: "name", direction: "erp-to-crm" }],
        }),
      ]),
    );
  });
  afterAll(async () => h?.close());

  it("should store the newest modified-on seen when a pass completes", async () => {
    await h.seed("erp", "customers", [{ displayName: "A" }, { displayName: "B" }]);
    const { passes } = await h.run("CUSTOMER");
    const watermark = await readWatermark(h.harness.database.db, h.pairId, "CUSTOMER", "erp-to-crm");
    const newest = Math.max(...(await h.all("erp", "customers")).map((r) => r.modifiedAt.getTime()));
    expect(passes[0]!.counters.inserted).toBe(2);
    expect(Date.parse(watermark!)).toBe(newest);
  });

  it("should read only records changed since the watermark, minus the overlap, when it runs again", async () => {
    const customers = await h.all("erp", "customers");
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the 1 s overlap
    await h.edit("erp", "customers", customers[0]!.id, { displayName: "A2" });
    const first = await h.run("CUSTOMER");
    // B was stamped at the old watermark, so the overlap reads it again and finds it unchanged.
    expect(first.passes[0]!.counters).toMatchObject({ modified: 1, unchanged: 1, inserted: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await h.run("CUSTOMER");
    // Now only A sits within the overlap of the new watermark; B is older and no longer read.
    expect(second.passes[0]!.counters).toMatchObject({ modified: 0, unchanged: 1, inserted: 0 });
  });

  it("should read the overlap again and find it unchanged when a record was stamped in the same second as the watermark", async () => {
    const [first] = await h.all("erp", "customers");
    await h.edit("erp", "customers", first!.id, { displayName: "A3" });
    const one = await h.run("CUSTOMER");
    const two = await h.run("CUSTOMER");
    expect(one.passes[0]!.counters.modified).toBe(1);
    expect(two.passes[0]!.counters.modified).toBe(0);
    expect(two.passes[0]!.counters.unchanged).toBeGreaterThanOrEqual(1);
  });

  it("should keep the old watermark when a pass fails, so the next run reads the same records again", async () => {
    const db = h.harness.database.db;
    const before = await readWatermark(db, h.pairId, "CUSTOMER", "erp-to-crm");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const [first] = await h.all("erp", "customers");
    await h.edit("erp", "customers", first!.id, { displayName: "A4" });
    // The CRM is unreachable: nothing listens on port 1.
    const broken = h.context({ connector: { retry: { maxAttempts: 1 } } });
    broken.connectors.crm = h.harness.connector("crm", {
      url: "http://127.0.0.1:1/api/data/v9.2",
      tokens: h.harness.tokens(CRM_SCOPE),
      catalog: STATIC_CATALOGS.crm,
      retry: { maxAttempts: 1 },
    });
    const failed = await h.run("CUSTOMER", {}, broken);
    expect(failed.passes[0]!.status).toBe("failed");
    expect(await readWatermark(db, h.pairId, "CUSTOMER", "erp-to-crm")).toBe(before);
    const again = await h.run("CUSTOMER");
    expect(again.passes[0]!.counters.modified).toBe(1);
  });

  it("should cap the watermark at the pass's start when records changed after it, and read those again next time", async () => {
    const db = h.harness.database.db;
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // everything else is now outside the overlap
    const [a] = await h.all("erp", "customers");
    await h.edit("erp", "customers", a!.id, { displayName: "A during the pass" });
    const editedAt = (await h.all("erp", "customers")).find((c) => c.id === a!.id)!.modifiedAt.getTime();
    // The pass "started" just before the edit landed: the edit was made while it ran.
    const started = new Date(editedAt - 100);
    const during = await h.run("CUSTOMER", {}, { ...h.context(), now: () => started });
    expect(during.passes[0]!.counters.modified).toBe(1);
    expect(await readWatermark(db, h.pairId, "CUSTOMER", "erp-to-crm")).toBe(started.toISOString());
    const next = await h.run("CUSTOMER");
    // Read again (the capped watermark is before it) and found unchanged: the pass already wrote it.
    expect(next.passes[0]!.counters).toMatchObject({ unchanged: 1, modified: 0 });
  });
});
