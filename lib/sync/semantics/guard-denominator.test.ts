import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineContext } from "../engine/engine-context";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

/**
 * Connector counts are estimates (Dataverse's RetrieveTotalRecordCount answers from a snapshot up to a day old), so
 * the mass-change guard measures a run against its mapping's couplings, whatever the systems say they hold.
 */
describe("the mass-change guard's denominator", () => {
  let h: SyncHarness;
  const counted: string[] = [];
  // Both systems claim a million rows: a guard dividing by that would never trip.
  const estimating = (ctx: EngineContext) => {
    for (const side of ["erp", "crm"] as const)
      ctx.connectors[side].count = async (entity) => (counted.push(`${side}:${entity}`), 1_000_000);
    return ctx;
  };
  const guarded = () => estimating(h.context({ settings: { guard: { maxShare: 0.5, minRecords: 5 } } }));
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
      Array.from({ length: 20 }, (_, i) => ({ displayName: `Denominator ${i}`, city: "Start" })),
    );
    await h.run("CUSTOMER", { mode: "full", createUncoupled: true }, guarded());
  }, 60_000);
  afterAll(async () => h?.close());

  it("should stop a run over the coupled records when the connectors' counts are far off", async () => {
    for (const c of (await h.all("erp", "customers")).slice(0, 15))
      await h.edit("erp", "customers", c.id, { city: "Mass edit" });
    counted.length = 0;
    const { passes } = await h.run("CUSTOMER", {}, guarded());
    expect(passes[0]!.status).toBe("held");
    expect(passes[0]!.message).toContain("15 of 20 coupled records");
    expect((await h.all("crm", "accounts")).filter((a) => a.data.address1_city === "Mass edit")).toHaveLength(0);
    expect(counted).toEqual([]);
  });
});
