import { and, desc, eq } from "drizzle-orm";
import { activePairId } from "@/lib/integration/integration-connections";
import type { PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { auditLog, syncJobs, users } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { createBoss, ensureQueues, SYNC_QUEUE } from "@/lib/jobs/boss";
import { enqueueSync } from "@/lib/jobs/enqueue";
import { registerQueue, unregisterQueue } from "@/lib/jobs/queue-registry";
import { ensureSandboxConnections } from "@/lib/integration/integration-connections";
import { ensureTemplatePublished } from "@/lib/integration/published-config";
import { approveHeldRun, discardHeldRun } from "./held-run-verbs";
import { listHeldRuns } from "./list-held-runs";

const MAPPING = "CURRENCY";
const HOLD = { planned: 30, coupledTotal: 40, share: 0.75, maxShare: 0.5, limit: 20 };

describeEachDriver("deciding a held run", (database: () => TestDatabase) => {
  let boss: PgBoss;
  const db = () => database().db;
  /** A run as the guard leaves it: held, with its numbers. */
  const heldJob = async () =>
    (
      await db()
        .insert(syncJobs)
        .values({
          pairId: await activePairId(db()),
          mappingName: MAPPING,
          direction: "erp-to-crm",
          status: "held",
          trigger: "schedule",
          mode: "incremental",
          hold: HOLD,
          message: "Held before writing.",
        })
        .returning()
    )[0]!;
  const jobRow = async (id: string) => (await db().select().from(syncJobs).where(eq(syncJobs.id, id)))[0]!;
  const queued = () => boss.findJobs(SYNC_QUEUE, { key: `mapping:${MAPPING}`, queued: true });
  const auditOf = (jobId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "job"), eq(auditLog.targetId, jobId)))
      .orderBy(desc(auditLog.createdAt));

  beforeAll(async () => {
    await ensureSandboxConnections(db());
    await ensureTemplatePublished(db());
    boss = createBoss(database(), { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
    registerQueue(db(), boss);
  }, 60_000);
  afterEach(async () => {
    await boss.deleteQueuedJobs(SYNC_QUEUE);
    await db().update(syncJobs).set({ status: "cancelled" }).where(eq(syncJobs.status, "held"));
  });
  afterAll(async () => {
    unregisterQueue(db());
    await boss?.stop({ graceful: false });
  });

  it.each([
    ["viewer", "approve", approveHeldRun],
    ["viewer", "discard", discardHeldRun],
    ["consultant", "approve", approveHeldRun],
    ["consultant", "discard", discardHeldRun],
  ] as const)("should refuse when a %s tries to %s a held run", async (role, _what, verb) => {
    const job = await heldJob();
    const ctx = await contextAs(db(), role);
    await expect(verb({ ctx, input: { jobId: job.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await jobRow(job.id)).toMatchObject({ status: "held", decidedBy: null });
    expect(await queued()).toEqual([]);
  });

  it("should show a viewer each held run with its numbers when runs are held", async () => {
    const job = await heldJob();
    const viewer = await contextAs(db(), "viewer");
    expect(await listHeldRuns({ ctx: viewer })).toEqual([
      expect.objectContaining({ id: job.id, mappingName: MAPPING, direction: "erp-to-crm", hold: HOLD }),
    ]);
  });

  it("should queue one run with the guard lifted and write an audit row when an admin approves", async () => {
    const job = await heldJob();
    const admin = await contextAs(db(), "admin");
    const result = await approveHeldRun({ ctx: admin, input: { jobId: job.id } });
    const [run, ...more] = await queued();
    expect(more).toEqual([]);
    expect(run).toMatchObject({
      id: result.queuedRunId,
      data: {
        kind: "run-mapping",
        mapping: MAPPING,
        direction: "erp-to-crm",
        mode: "incremental",
        trigger: "approved",
        guard: "override",
        startedBy: admin.user.id,
      },
    });
    expect(await jobRow(job.id)).toMatchObject({
      status: "aborted",
      decidedBy: admin.user.id,
      hold: { ...HOLD, decision: { outcome: "approved", by: admin.user.email, queuedRunId: result.queuedRunId } },
    });
    expect(await auditOf(job.id)).toEqual([
      expect.objectContaining({
        action: "sync.held.approve",
        actorId: admin.user.id,
        details: expect.objectContaining({
          mapping: MAPPING,
          planned: 30,
          coupledTotal: 40,
          queuedRunId: result.queuedRunId,
        }),
      }),
    ]);
    await expect(discardHeldRun({ ctx: admin, input: { jobId: job.id } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("approved by"),
    });
  });

  it("should end the held job as cancelled, queue nothing and write an audit row when an admin discards", async () => {
    const job = await heldJob();
    const admin = await contextAs(db(), "admin");
    await discardHeldRun({ ctx: admin, input: { jobId: job.id } });
    expect(await queued()).toEqual([]);
    expect(await jobRow(job.id)).toMatchObject({
      status: "cancelled",
      decidedBy: admin.user.id,
      hold: { decision: { outcome: "discarded", by: admin.user.email } },
    });
    expect((await jobRow(job.id)).message).toContain(`Discarded by ${admin.user.email}`);
    expect(await auditOf(job.id)).toEqual([
      expect.objectContaining({ action: "sync.held.discard", actorId: admin.user.id }),
    ]);
    await expect(approveHeldRun({ ctx: admin, input: { jobId: job.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("should decide once when two admins approve and discard the same held run at once", async () => {
    const job = await heldJob();
    const [first, second] = [await contextAs(db(), "admin"), await contextAs(db(), "admin")];
    const results = await Promise.allSettled([
      approveHeldRun({ ctx: first, input: { jobId: job.id } }),
      discardHeldRun({ ctx: second, input: { jobId: job.id } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const approved = (await jobRow(job.id)).status === "aborted";
    expect((await queued()).length).toBe(approved ? 1 : 0);
    expect(await auditOf(job.id)).toHaveLength(1);
  });

  it("should keep the run held and queue nothing when an approval cannot be recorded", async () => {
    const job = await heldJob();
    const admin = await contextAs(db(), "admin");
    await db().delete(users).where(eq(users.id, admin.user.id)); // the approval now names a user that is gone
    await expect(approveHeldRun({ ctx: admin, input: { jobId: job.id } })).rejects.toThrow();
    expect(await jobRow(job.id)).toMatchObject({ status: "held", decidedBy: null });
    expect(await queued()).toEqual([]);
  });

  it("should approve on a queue that has only just started, before it has looked anything up", async () => {
    const job = await heldJob();
    const admin = await contextAs(db(), "admin");
    const fresh = createBoss(database(), { schedule: false, supervise: false });
    await fresh.start();
    await ensureQueues(fresh); // creating a queue clears pg-boss's cache of it
    registerQueue(db(), fresh);
    try {
      const result = await approveHeldRun({ ctx: admin, input: { jobId: job.id } });
      expect((await queued()).map((j) => j.id)).toEqual([result.queuedRunId]);
    } finally {
      registerQueue(db(), boss);
      await fresh.stop({ graceful: false });
    }
  }, 20_000);

  it("should refuse to approve and keep the run held when a run of the mapping is already queued", async () => {
    const job = await heldJob();
    const admin = await contextAs(db(), "admin");
    const waiting = await enqueueSync(boss, { kind: "run-mapping", mapping: MAPPING, trigger: "manual" });
    await expect(approveHeldRun({ ctx: admin, input: { jobId: job.id } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already queued"),
    });
    expect(await jobRow(job.id)).toMatchObject({ status: "held" });
    expect((await queued()).map((j) => j.id)).toEqual([waiting]);
    expect(await auditOf(job.id)).toEqual([]);
  });
});
