import { and, asc, count, eq, isNull, min, type SQL } from "drizzle-orm";
import { syncJobErrors, syncJobs, type SyncJob, type SyncJobError } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";
import { JobErrorsInput, type JobErrorsQuery } from "./job-schemas";

/** Errors of one root cause: the same code naming the same field (or none). */
export type ErrorGroup = { code: string; field: string | null; count: number; sample: string };
export type JobErrorRow = Pick<
  SyncJobError,
  "id" | "sourceId" | "destinationId" | "code" | "field" | "message" | "createdAt"
>;
export type JobDetail = {
  job: SyncJob;
  /** False for a job of a pair that is no longer active: its records are read-only. */
  actionable: boolean;
  groups: ErrorGroup[];
  errors: { rows: JobErrorRow[]; total: number; query: JobErrorsQuery };
};

/** The errors of a job matching a group filter: code, and field ("" = errors that name no field). */
export function errorFilter(query: Pick<JobErrorsQuery, "jobId" | "code" | "field">): SQL {
  const where: SQL[] = [eq(syncJobErrors.jobId, query.jobId)];
  if (query.code) where.push(eq(syncJobErrors.code, query.code));
  if (query.field !== undefined)
    where.push(query.field === "" ? isNull(syncJobErrors.field) : eq(syncJobErrors.field, query.field));
  return and(...where)!;
}

/** A job with its counters, its errors grouped by root cause, and one page of its errors (of a group, if chosen). */
export async function getJob(args: { ctx: ServiceContext; input: unknown }): Promise<JobDetail> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const query = parseInput(JobErrorsInput, args.input);
  const [job] = await ctx.db.select().from(syncJobs).where(eq(syncJobs.id, query.jobId));
  if (!job) throw new AppError("NOT_FOUND", "No sync job with that id.");
  const filter = errorFilter(query);
  const [groups, rows, [total], activePair] = await Promise.all([
    ctx.db
      .select({
        code: syncJobErrors.code,
        field: syncJobErrors.field,
        count: count(),
        sample: min(syncJobErrors.message),
      })
      .from(syncJobErrors)
      .where(eq(syncJobErrors.jobId, job.id))
      .groupBy(syncJobErrors.code, syncJobErrors.field)
      .orderBy(asc(syncJobErrors.code), asc(syncJobErrors.field)),
    ctx.db
      .select({
        id: syncJobErrors.id,
        sourceId: syncJobErrors.sourceId,
        destinationId: syncJobErrors.destinationId,
        code: syncJobErrors.code,
        field: syncJobErrors.field,
        message: syncJobErrors.message,
        createdAt: syncJobErrors.createdAt,
      })
      .from(syncJobErrors)
      .where(filter)
      .orderBy(asc(syncJobErrors.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(syncJobErrors).where(filter),
    activePairOrNull(ctx.db),
  ]);
  return {
    job,
    actionable: job.pairId === activePair,
    groups: groups
      .map((g) => ({ code: g.code, field: g.field, count: Number(g.count), sample: g.sample ?? "" }))
      .sort((a, b) => b.count - a.count),
    errors: { rows, total: Number(total?.n ?? 0), query },
  };
}
