import { eq } from "drizzle-orm";
import { assertActivePair } from "../connections/active-pair";
import { syncJobs, type SyncJob } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { enqueueSyncInTransaction } from "@/lib/jobs/enqueue-in-transaction";
import { queueFor } from "@/lib/jobs/queue-registry";
import { findMapping } from "@/lib/sync/engine/engine-context";
import { settleHeld, type HeldDecision } from "@/lib/sync/engine/held-runs";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { JobInput } from "./sync-schemas";
import { actorId } from "./sync-service";

type Args = { ctx: ServiceContext; input: unknown };
export type HeldRunDecision = { jobId: string; mapping: string; queuedRunId: string | null };

async function heldJobOrThrow(ctx: ServiceContext, jobId: string): Promise<SyncJob> {
  const [job] = await ctx.db.select().from(syncJobs).where(eq(syncJobs.id, jobId));
  if (!job) throw new AppError("NOT_FOUND", "No sync job with that id.");
  await assertActivePair(ctx.db, job.pairId, "run");
  if (job.status !== "held")
    throw new AppError(
      "CONFLICT",
      `This run is not waiting for a decision (it is ${job.status}${job.hold?.decision ? `, ${job.hold.decision.outcome} by ${job.hold.decision.by}` : ""}).`,
    );
  return job;
}

const decidedBy = (ctx: ServiceContext, outcome: HeldDecision["outcome"], queuedRunId?: string): HeldDecision => ({
  outcome,
  by: ctx.actor.kind === "user" ? ctx.actor.email : ctx.actor.label,
  byId: actorId(ctx),
  queuedRunId,
});

const alreadyDecided = () =>
  new AppError("CONFLICT", "Someone decided this held run a moment ago; reload to see what was decided.");

/**
 * Approve a held run once: a run of its mapping and direction is queued with the guard lifted, and the schedule
 * resumes. The held job, the queued run and the audit row commit together, or none of them does.
 */
export async function approveHeldRun({ ctx, input }: Args): Promise<HeldRunDecision> {
  requireRole(ctx, "admin");
  const { jobId } = parseInput(JobInput, input);
  const job = await heldJobOrThrow(ctx, jobId);
  findMapping((await loadPublishedConfig(ctx.db)).config, job.mappingName);
  const run = {
    kind: "run-mapping",
    mapping: job.mappingName,
    direction: job.direction,
    mode: job.mode === "full" ? "full" : "incremental",
    trigger: "approved",
    guard: "override",
    startedBy: actorId(ctx),
  } as const;
  return enqueueSyncInTransaction(ctx.db, queueFor(ctx.db), run, async (tx, queuedRunId) => {
    if (!queuedRunId)
      throw new AppError(
        "CONFLICT",
        `A run of ${job.mappingName} is already queued or running; approve the held run again once it has finished.`,
      );
    if (!(await settleHeld(tx, job, decidedBy(ctx, "approved", queuedRunId)))) throw alreadyDecided();
    await writeAudit(tx, ctx.actor, {
      action: "sync.held.approve",
      targetType: "job",
      targetId: job.id,
      details: { mapping: job.mappingName, direction: job.direction, ...job.hold, queuedRunId },
    });
    return { jobId: job.id, mapping: job.mappingName, queuedRunId };
  });
}

/** Discard a held run: nothing is written, the held job ends as cancelled, and the schedule resumes. */
export async function discardHeldRun({ ctx, input }: Args): Promise<HeldRunDecision> {
  requireRole(ctx, "admin");
  const { jobId } = parseInput(JobInput, input);
  const job = await heldJobOrThrow(ctx, jobId);
  return withTransaction(ctx, async (tx) => {
    if (!(await settleHeld(tx, job, decidedBy(ctx, "discarded")))) throw alreadyDecided();
    await writeAudit(tx, ctx.actor, {
      action: "sync.held.discard",
      targetType: "job",
      targetId: job.id,
      details: { mapping: job.mappingName, direction: job.direction, ...job.hold },
    });
    return { jobId: job.id, mapping: job.mappingName, queuedRunId: null };
  });
}
