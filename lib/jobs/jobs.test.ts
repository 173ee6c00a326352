import { eq } from "drizzle-orm";
import { activePairId } from "@/lib/integration/integration-connections";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fullSyncLines, fullSyncRuns, syncJobs } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { AppError } from "@/lib/errors";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { prepareIntegration } from "@/lib/integration/first-start";
import { openEngine } from "@/lib/integration/open-engine";
import { SYNC_QUEUE } from "./boss";
import { enqueueDue, enqueueSync } from "./enqueue";
import { checkCronSecret, runTick } from "./tick";
import { startWorker, type Worker } from "./worker";

/** Waits until every job is completed or failed (queue counts are cached by pg-boss, job states are not). */
async function settled(worker: Worker, ids: (string | null)[], timeoutMs = 90_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await Promise.all(
      ids.filter((id): id is string => Boolean(id)).map((id) => worker.boss.getJobById(SYNC_QUEUE, id)),
    );
    const states = jobs.map((job) => job?.state ?? "missing");
    if (states.every((s) => s === "completed" || s === "failed")) return states;
    if (Date.now() > until) throw new Error(`jobs not settled: ${states.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describeEachDriver("sync jobs on pg-boss", (database: () => TestDatabase) => {
  beforeAll(async () => {
    await prepareIntegration(database().db);
    // Schedules start once a full synchronization was started.
    await database()
      .db.insert(fullSyncRuns)
      .values({ pairId: await activePairId(database().db), configVersion: "test", status: "finished" });
  });

  it("should make one run when a cron tick, a manual run and a second worker start together", async () => {
    const { db } = database();
    const workers = await Promise.all([
      startWorker(database(), { cron: false, pollingIntervalSeconds: 0.5 }),
      startWorker(database(), { cron: false, pollingIntervalSeconds: 0.5 }),
    ]);
    try {
      const [tick, manual] = await Promise.all([
        enqueueDue(db, workers[0]!.boss),
        enqueueSync(workers[1]!.boss, { kind: "run-mapping", mapping: "CUSTOMER", trigger: "manual" }),
      ]);
      // Whichever asked first queued CUSTOMER; the other found it waiting (one queued job per mapping).
      expect(Number(tick.queued.includes("CUSTOMER")) + Number(manual !== null)).toBe(1);
      expect(await settled(workers[0]!, [...tick.jobIds, manual])).not.toContain("failed");
      const runs = await db.select().from(syncJobs).where(eq(syncJobs.mappingName, "CUSTOMER"));
      expect(runs.map((r) => r.direction).sort()).toEqual(["crm-to-erp", "erp-to-crm"]);
      expect(runs.every((r) => r.status === "succeeded" && r.configVersion)).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  }, 120_000);

  it("should refuse a second run of a mapping while one holds its lease", async () => {
    const engine = await openEngine(database().db);
    const slow = runMapping(engine, "CURRENCY", { trigger: "test", mode: "incremental", holder: "first" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = runMapping(await openEngine(database().db), "CURRENCY", {
      trigger: "test",
      mode: "incremental",
      holder: "second",
    });
    const results = await Promise.allSettled([slow, second]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.length).toBeLessThanOrEqual(1);
    if (refused.length) expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
  });

  it("should queue due mappings and work through them until the deadline when the scheduled route ticks", async () => {
    const worker = await startWorker(database(), { cron: false, pollingIntervalSeconds: 30 });
    await worker.boss.offWork(SYNC_QUEUE);
    try {
      const result = await runTick(database().db, worker.boss, Date.now() + 60_000);
      expect(result.due.length).toBeGreaterThan(0);
      expect(result.processed + result.failed).toBeGreaterThan(0);
      expect(result.failed).toBe(0);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});

describeEachDriver("the schedule before any full synchronization", (database: () => TestDatabase) => {
  it("should queue nothing when no full synchronization was ever started", async () => {
    await prepareIntegration(database().db);
    const worker = await startWorker(database(), { cron: false, pollingIntervalSeconds: 30 });
    try {
      expect(await enqueueDue(database().db, worker.boss)).toEqual({ due: [], queued: [], jobIds: [] });
    } finally {
      await worker.stop();
    }
  }, 60_000);
});

describeEachDriver("the schedule during a full synchronization", (database: () => TestDatabase) => {
  it("should leave out a mapping until its full synchronization line has finished", async () => {
    const { db } = database();
    await prepareIntegration(db);
    const [run] = await db
      .insert(fullSyncRuns)
      .values({ pairId: await activePairId(db), configVersion: "test", status: "running" })
      .returning();
    await db.insert(fullSyncLines).values({
      runId: run!.id,
      mappingName: "CUSTOMER",
      position: 0,
      dependsOn: [],
      recommendation: "couple",
      status: "pending",
    });
    const worker = await startWorker(database(), { cron: false, pollingIntervalSeconds: 30 });
    await worker.boss.offWork(SYNC_QUEUE);
    try {
      const during = await enqueueDue(db, worker.boss);
      expect(during.due).not.toContain("CUSTOMER");
      expect(during.due).toContain("CURRENCY");
      await db.update(fullSyncLines).set({ status: "finished" }).where(eq(fullSyncLines.runId, run!.id));
      expect((await enqueueDue(db, worker.boss)).due).toContain("CUSTOMER");
    } finally {
      await worker.stop();
    }
  }, 60_000);
});

it.each([
  ["no secret configured", "Bearer x", undefined, "CONFIGURATION"],
  ["a wrong secret", "Bearer nope", "s3cret-value", "UNAUTHENTICATED"],
  ["no header", null, "s3cret-value", "UNAUTHENTICATED"],
])("should refuse the scheduled route when there is %s", (_name, header, secret, code) => {
  expect(() => checkCronSecret(header, secret)).toThrow(expect.objectContaining({ code }));
});

it("should accept the scheduled route when the bearer token is the secret", () => {
  expect(() => checkCronSecret("Bearer s3cret-value", "s3cret-value")).not.toThrow();
});

afterAll(() => undefined);
