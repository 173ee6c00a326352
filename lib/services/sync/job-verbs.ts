import { and, eq, inArray } from "drizzle-orm";
import { assertActivePair } from "../connections/active-pair";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sourceSide } from "@/lib/mapping/model/direction";
import { findMapping } from "@/lib/sync/engine/engine-context";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { restoreSkipped } from "@/lib/sync/engine/coupling-operations";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { errorFilter } from "../jobs/get-job";
import { RetryErrorsInput } from "./sync-schemas";
import { actorId, withEngine } from "./sync-service";

async function jobOrThrow(ctx: ServiceContext, jobId: string) {
  const [job] = await ctx.db.select().from(syncJobs).where(eq(syncJobs.id, jobId));
  if (!job) throw new AppError("NOT_FOUND", "No sync job with that id.");
  await assertActivePair(ctx.db, job.pairId, "job");
  return job;
}

/**
 * Retry a job's errors now: the records that failed are synchronized again in the job's direction (created, if the
 * job was creating them), instead of waiting for the next scheduled run.
 */
export async function retryJobErrors(args: { ctx: ServiceContext; input: unknown }) {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(RetryErrorsInput, args.input);
  const { jobId } = input;
  const job = await jobOrThrow(ctx, jobId);
  const filter = errorFilter(input);
  const errors = await ctx.db
    .select({ sourceId: syncJobErrors.sourceId })
    .from(syncJobErrors)
    .where(input.errorIds ? and(filter, inArray(syncJobErrors.id, input.errorIds)) : filter);
  const ids = [...new Set(errors.map((e) => e.sourceId).filter((id): id is string => Boolean(id)))];
  if (!ids.length) throw new AppError("CONFLICT", "This job has no record errors to retry.");
  const side = sourceSide(job.direction);
  return withEngine(
    ctx,
    {
      action: "sync.retry-errors",
      targetType: "job",
      targetId: jobId,
      details: {
        mapping: job.mappingName,
        count: ids.length,
        ...(input.code ? { code: input.code, field: input.field ?? null } : {}),
        ...(input.errorIds ? { errors: input.errorIds.length } : {}),
      },
    },
    async (engine) => {
      const mapping = findMapping(engine.config, job.mappingName);
      await restoreSkipped(engine, mapping.name, { side, ids });
      return runMapping(engine, mapping.name, {
        trigger: "retry",
        mode: "one-off",
        records: { side, ids },
        direction: job.direction,
        force: true,
        createUncoupled: job.mode !== "incremental" || !mapping.syncOnlyCoupled,
        startedBy: actorId(ctx),
        waitMs: 30_000,
      });
    },
  );
}
