import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

describe("guarded mass changes", () => {
  let h: SyncHarness;
  const guarded = () => h.context({ settings: { guard: { maxShare: 0.5, minRecords: 5 } } });
  beforeAll(async () => {
    h = await startSyncHarness(
      compileMappings([
        simpleCustomer({
          direction: "erp-to-crm",
          fields: [
            { erp: "displayName", crm: "name", direction: "erp-to-crm" },
            { erp: "city", crm: "address1_city", direction: "erp-to-crm" },
          ],
        }),
      ]),
    );
    await h.seed(
      "erp",
      "customers",
      Array.from({ length: 20 }, (_, i) => ({ displayName: `Guarded ${i}`, city: "Start" })),
    );
    await h.run("CUSTOMER", { mode: "full", createUncoupled: true }, guarded());
  });
  afterAll(async () => h?.close());

  it("should hold the run before writing anything when more than the allowed share of coupled records would be overwritten", async () => {
    for (const c of (await h.all("erp", "customers")).slice(0, 15))
      await h.edit("erp", "customers", c.id, { city: "Mass edit" });
    const { passes } = await h.run("CUSTOMER", {}, guarded());
    expect(passes[0]!.status).toBe("held");
    expect(passes[0]!.message).toContain("15 of 20 coupled records (75%)");
    expect((await h.all("crm", "accounts")).filter((a) => a.data.address1_city === "Mass edit")).toHaveLength(0);
    const job = (await h.jobsOf("CUSTOMER")).find((j) => j.id === passes[0]!.jobId);
    expect(job).toMatchObject({
      status: "held",
      modified: 0,
      hold: { planned: 15, coupledTotal: 20, share: 0.75, maxShare: 0.5, limit: 10 },
    });
  });

  it("should write the same changes when a person overrides the guard", async () => {
    const { passes } = await h.run("CUSTOMER", { guard: "override" }, guarded());
    expect(passes[0]).toMatchObject({ status: "succeeded", counters: { modified: 15 } });
    expect((await h.all("crm", "accounts")).filter((a) => a.data.address1_city === "Mass edit")).toHaveLength(15);
  });

  it("should run unguarded when the changes stay under the allowed share", async () => {
    for (const c of (await h.all("erp", "customers")).slice(0, 4))
      await h.edit("erp", "customers", c.id, { city: "Small edit" });
    const { passes } = await h.run("CUSTOMER", {}, guarded());
    expect(passes[0]).toMatchObject({ status: "succeeded", counters: { modified: 4 } });
  });
});
