import { desc, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { auditLog, couplings, notificationDeliveries, syncJobErrors, syncJobs, type SyncJob } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { activePairId, ensureSandboxConnections } from "@/lib/integration/integration-connections";
import { configureWebhook } from "../notifications/test/configure-webhook";
import { historyKept } from "./history-kept";
import { pruneJobHistory } from "./prune-job-history";

const NOW = new Date("2024-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describeEachDriver("job history retention", (database: () => TestDatabase) => {
  const db = () => database().db;
  let pairId: string;
  let couplingNo = 0;
  const job = async (age: number, over: Partial<SyncJob> = {}) => {
    const [row] = await db()
      .insert(syncJobs)
      .values({
        pairId,
        mappingName: "CUSTOMER",
        direction: "erp-to-crm",
        trigger: "test",
        status: "succeeded",
        ...over,
        createdAt: daysAgo(age),
      })
      .returning();
    return row!.id;
  };
  const skippedCoupling = async (side: "lastJobIdErp" | "lastJobIdCrm", jobId: string) => {
    const [row] = await db()
      .insert(couplings)
      .values({
        pairId,
        mappingName: "CUSTOMER",
        erpId: `e${++couplingNo}`,
        crmId: `c${couplingNo}`,
        skipped: true,
        [side]: jobId,
      })
      .returning();
    return row!.id;
  };
  const left = async (ids: string[]) =>
    (await db().select({ id: syncJobs.id }).from(syncJobs).where(inArray(syncJobs.id, ids))).map((r) => r.id).sort();

  beforeAll(async () => {
    await ensureSandboxConnections(db());
    pairId = await activePairId(db());
  });
  beforeEach(async () => {
    await db().delete(couplings);
    await db().delete(syncJobs);
  });

  it("should delete an old job without failures, with its errors, and keep a young one", async () => {
    const [old, young] = [await job(31), await job(29)];
    await db().insert(syncJobErrors).values({ jobId: old, message: "an old warning" });
    expect(await pruneJobHistory(db(), { now: NOW })).toMatchObject({ days: 30, jobs: 1 });
    expect(await left([old, young])).toEqual([young]);
    expect(await db().select().from(syncJobErrors).where(eq(syncJobErrors.jobId, old))).toEqual([]);
  });

  it.each(["queued", "running", "held"] as const)("should keep an old job when it is %s", async (status) => {
    const id = await job(90, { status });
    await pruneJobHistory(db(), { now: NOW });
    expect(await left([id])).toEqual([id]);
  });

  it.each([
    ["failed", "lastJobIdErp", { status: "failed" as const }],
    ["with failed records", "lastJobIdCrm", { failed: 2 }],
  ] as const)(
    "should keep an old job %s while a skipped coupling refers to it, and delete it after",
    async (_what, side, over) => {
      const id = await job(60, over);
      const unreferenced = await job(60, over);
      const coupling = await skippedCoupling(side, id);
      await pruneJobHistory(db(), { now: NOW });
      expect(await left([id, unreferenced])).toEqual([id]);
      await db().update(couplings).set({ skipped: false }).where(eq(couplings.id, coupling)); // restored by an admin
      await pruneJobHistory(db(), { now: NOW });
      expect(await left([id])).toEqual([]);
    },
  );

  it("should delete an old job without failures even when a skipped coupling names it as its last job", async () => {
    const id = await job(60);
    await skippedCoupling("lastJobIdErp", id);
    await pruneJobHistory(db(), { now: NOW });
    expect(await left([id])).toEqual([]);
  });

  it("should use the saved number of days, and the one given when there is one", async () => {
    await configureWebhook(db(), { retentionDays: 5 });
    const [six, four] = [await job(6), await job(4)];
    expect(await pruneJobHistory(db(), { now: NOW, days: 7 })).toMatchObject({ jobs: 0 });
    expect(await pruneJobHistory(db(), { now: NOW })).toMatchObject({ days: 5, jobs: 1 });
    expect(await left([six, four])).toEqual([four]);
    await configureWebhook(db(), { retentionDays: 30 });
  });

  it("should delete in batches until none is left when there are more old jobs than a batch", async () => {
    const ids = await Promise.all(Array.from({ length: 7 }, () => job(45)));
    expect(await pruneJobHistory(db(), { now: NOW, batch: 3 })).toMatchObject({ jobs: 7 });
    expect(await left(ids)).toEqual([]);
  });

  it("should delete old notification deliveries and write an audit row with the counts", async () => {
    const delivery = (subject: string, age: number) => ({
      event: "job.failed" as const,
      subject,
      url: "http://127.0.0.1:9/x",
      payload: {},
      createdAt: daysAgo(age),
    });
    await db()
      .insert(notificationDeliveries)
      .values([delivery("old", 40), delivery("young", 1)]);
    await job(40);
    const result = await pruneJobHistory(db(), { now: NOW });
    expect(result).toMatchObject({ jobs: 1, deliveries: 1 });
    const subjects = (await db().select().from(notificationDeliveries)).map((d) => d.subject);
    expect(subjects).toContain("young");
    expect(subjects).not.toContain("old");
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit).toMatchObject({
      action: "jobs.prune",
      actorLabel: "retention",
      details: { jobs: 1, deliveries: 1, days: 30 },
    });
  });

  it("should say how much history is kept", async () => {
    expect(await historyKept(db())).toEqual({ retentionDays: 30, oldestJobAt: null, jobs: 0 });
    await job(12);
    await job(3);
    expect(await historyKept(db())).toEqual({ retentionDays: 30, oldestJobAt: daysAgo(12), jobs: 2 });
  });
});
