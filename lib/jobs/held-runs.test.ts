import { and, eq, gt, sql } from "drizzle-orm";
import { activePairId } from "@/lib/integration/integration-connections";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { fullSyncRuns, syncJobs } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { approveHeldRun, discardHeldRun } from "@/lib/services/sync/held-run-verbs";
import { runMappingNow } from "@/lib/services/sync/run-mapping-now";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { openEngine } from "@/lib/integration/open-engine";
import { configureExternalEngine } from "@/lib/integration/test/external-engine";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { createBoss, ensureQueues } from "./boss";
import { enqueueDue, enqueueSync } from "./enqueue";
import { registerQueue, unregisterQueue } from "./queue-registry";
import { runTick } from "./tick";

const ITEMS = 30; // over the guard's floor of 20, so a change to every item trips it
const MAPPING = "ITEM-PRODUCT";

/** Items → products as the template draws the price part of ITEM-PRODUCT, on a 30-minute schedule. */
const itemProduct = () =>
  compileMappings([
    {
      name: MAPPING,
      erp: { entity: "items", key: "id", modifiedOn: "lastModifiedDateTime" },
      crm: { entity: "products", key: "productid", modifiedOn: "modifiedon" },
      direction: "erp-to-crm",
      syncOnlyCoupled: false,
      fields: [
        { erp: "number", crm: "productnumber", direction: "erp-to-crm" },
        { erp: "displayName", crm: "name", direction: "erp-to-crm" },
        { erp: "unitPrice", crm: "price", direction: "erp-to-crm" },
      ],
      defaultsOnCreate: { crm: { producttypecode: 1, quantitydecimal: 2 } },
      schedule: { everyMinutes: 30 },
    },
  ]);

describeEachDriver("a scheduled run held by the mass-change guard", (database: () => TestDatabase) => {
  let h: SyncHarness;
  let boss: PgBoss;
  let clock = Date.now();
  const db = () => database().db;
  /** One scheduler tick 31 minutes after the last (every mapping is due again), then the queue worked through. */
  const tick = async () => {
    clock += 31 * 60_000;
    const { due } = await enqueueDue(db(), boss, new Date(clock));
    await runTick(db(), boss, Date.now() + 60_000);
    return due;
  };
  const jobs = () => db().select().from(syncJobs).where(eq(syncJobs.mappingName, MAPPING)).orderBy(syncJobs.createdAt);
  // Compared in the database: its timestamps have microseconds, a JavaScript Date only milliseconds.
  const jobsAfter = (jobId: string) =>
    db()
      .select()
      .from(syncJobs)
      .where(
        and(
          eq(syncJobs.mappingName, MAPPING),
          gt(syncJobs.createdAt, sql`(select created_at from sync_jobs where id = ${jobId})`),
        ),
      )
      .orderBy(syncJobs.createdAt);
  const prices = async () => (await h.all("crm", "products")).map((p) => Number(p.data.price)).sort((a, b) => a - b);
  const setPrices = async (price: (i: number) => number) => {
    const items = await h.all("erp", "items");
    for (const item of items)
      await h.edit("erp", "items", item.id, { unitPrice: price(Number(String(item.data.number).slice(1))) });
  };

  beforeAll(async () => {
    const config = itemProduct();
    h = await startSyncHarness(config);
    for (const [name, value] of Object.entries(await configureExternalEngine(db(), h.harness, config)))
      vi.stubEnv(name, value);
    await h.seed(
      "erp",
      "items",
      Array.from({ length: ITEMS }, (_, i) => ({
        number: `I${i}`,
        displayName: `Item ${i}`,
        unitPrice: 100 + i,
        blocked: false,
      })),
    );
    await runMapping(await openEngine(db()), MAPPING, { trigger: "test", mode: "full", createUncoupled: true });
    await db()
      .insert(fullSyncRuns)
      .values({ pairId: await activePairId(db()), configVersion: config.version, status: "finished" });
    boss = createBoss(database(), { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
    registerQueue(db(), boss);
  }, 120_000);
  afterAll(async () => {
    unregisterQueue(db());
    await boss?.stop({ graceful: false });
    await h?.close();
    vi.unstubAllEnvs();
  });

  it("should hold one run and start no further run of the mapping over several ticks when every item's price changes", async () => {
    expect(await prices()).toEqual(Array.from({ length: ITEMS }, (_, i) => 100 + i));
    await setPrices((i) => 200 + i);
    await tick();
    const [held, ...others] = (await jobs()).filter((j) => j.trigger === "schedule");
    expect(others).toEqual([]);
    expect(held).toMatchObject({
      status: "held",
      modified: 0,
      hold: { planned: ITEMS, coupledTotal: ITEMS, share: 1, maxShare: 0.5, limit: 20 },
    });
    expect(held!.message).toContain(`${ITEMS} of ${ITEMS} coupled records (100%)`);
    // A run queued behind the held one (before the hold, or a retry after a crash) waits too.
    await enqueueSync(boss, { kind: "run-mapping", mapping: MAPPING, trigger: "manual" });
    for (let i = 0; i < 3; i++) expect(await tick(), "the scheduler pauses the held mapping").not.toContain(MAPPING);
    expect(await jobsAfter(held!.id)).toEqual([]);
    const admin = await contextAs(db(), "admin");
    await expect(runMappingNow({ ctx: admin, input: { mapping: MAPPING } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(held!.id),
    });
    expect(await prices()).toEqual(Array.from({ length: ITEMS }, (_, i) => 100 + i));
  }, 120_000);

  it("should write the prices in one run with the guard lifted when an admin approves, then resume the schedule", async () => {
    const admin = await contextAs(db(), "admin");
    const [held] = (await jobs()).filter((j) => j.status === "held");
    const approved = await approveHeldRun({ ctx: admin, input: { jobId: held!.id } });
    expect(approved.queuedRunId).toBeTruthy();
    await runTick(db(), boss, Date.now() + 60_000);
    const [run, ...more] = await jobsAfter(held!.id);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ trigger: "approved", status: "succeeded", modified: ITEMS, startedBy: admin.user.id });
    expect(await prices()).toEqual(Array.from({ length: ITEMS }, (_, i) => 200 + i));
    expect((await db().select().from(syncJobs).where(eq(syncJobs.id, held!.id)))[0]).toMatchObject({
      status: "aborted",
      decidedBy: admin.user.id,
      hold: { decision: { outcome: "approved", by: admin.user.email } },
    });
    await tick();
    const [scheduled] = (await jobsAfter(run!.id)).filter((j) => j.trigger === "schedule");
    expect(scheduled).toMatchObject({ status: "succeeded", modified: 0 });
  }, 120_000);

  it("should write nothing and resume the schedule when an admin discards the held run", async () => {
    const admin = await contextAs(db(), "admin");
    await setPrices((i) => 300 + i);
    await tick();
    const [held] = (await jobs()).filter((j) => j.status === "held");
    await discardHeldRun({ ctx: admin, input: { jobId: held!.id } });
    expect((await db().select().from(syncJobs).where(eq(syncJobs.id, held!.id)))[0]).toMatchObject({
      status: "cancelled",
      decidedBy: admin.user.id,
      hold: { decision: { outcome: "discarded" } },
    });
    await runTick(db(), boss, Date.now() + 60_000);
    expect(await prices()).toEqual(Array.from({ length: ITEMS }, (_, i) => 200 + i));
    // Resumed: the next tick runs the mapping. The mass change is still in the ERP, so that run counts again and holds.
    await tick();
    const next = await jobsAfter(held!.id);
    expect(next.map((j) => [j.trigger, j.status])).toEqual([["schedule", "held"]]);
    // Put back in the ERP (it was a mistake) and discarded: the schedule goes on with nothing to write.
    await setPrices((i) => 200 + i);
    await discardHeldRun({ ctx: admin, input: { jobId: next[0]!.id } });
    await tick();
    expect((await jobsAfter(next[0]!.id)).map((j) => [j.trigger, j.status, j.modified])).toEqual([
      ["schedule", "succeeded", 0],
    ]);
    expect(await prices()).toEqual(Array.from({ length: ITEMS }, (_, i) => 200 + i));
  }, 120_000);
});
