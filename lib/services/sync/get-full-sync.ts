import { desc, eq, inArray } from "drizzle-orm";
import { activePairOrNull } from "../connections/active-pair";
import { fullSyncRuns, syncJobs, type SyncJob } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { readLines } from "@/lib/sync/engine/full-sync";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { FullSyncRunInput } from "./sync-schemas";

type PassStatus = {
  jobId: string;
  status: SyncJob["status"];
  inserted: number;
  modified: number;
  unchanged: number;
  skipped: number;
  failed: number;
  coupled: number;
  /** Source records handled so far, and how many the pass expects (null before it counted, or when it could not). */
  processed: number;
  expected: number | null;
} | null;
export type FullSyncLineStatus = {
  mapping: string;
  recommendation: string;
  status: string;
  dependsOn: string[];
  message: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  erpToCrm: PassStatus;
  crmToErp: PassStatus;
};
export type FullSyncStatus = {
  runId: string;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
  lines: FullSyncLineStatus[];
};

/** A full synchronization's state at any moment: per mapping its line, and per direction its job and counters. */
export async function getFullSync(args: { ctx: ServiceContext; input: unknown }): Promise<FullSyncStatus> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const input = parseInput(FullSyncRunInput, args.input);
  const [run] = await ctx.db.select().from(fullSyncRuns).where(eq(fullSyncRuns.id, input.runId));
  if (!run) throw new AppError("NOT_FOUND", "No full synchronization with that id.");
  const lines = await readLines(ctx, run.id);
  const jobIds = lines.flatMap((l) => [l.erpToCrmJobId, l.crmToErpJobId]).filter((id): id is string => Boolean(id));
  const jobs = new Map(
    (jobIds.length ? await ctx.db.select().from(syncJobs).where(inArray(syncJobs.id, jobIds)) : []).map((j) => [
      j.id,
      j,
    ]),
  );
  const pass = (id: string | null): PassStatus => {
    const job = id ? jobs.get(id) : undefined;
    return job
      ? {
          jobId: job.id,
          status: job.status,
          inserted: job.inserted,
          modified: job.modified,
          unchanged: job.unchanged,
          skipped: job.skipped,
          failed: job.failed,
          coupled: job.coupled,
          processed: job.inserted + job.modified + job.unchanged + job.skipped + job.failed,
          expected: job.expected,
        }
      : null;
  };
  return {
    runId: run.id,
    status: run.status,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    lines: lines.map((l) => ({
      mapping: l.mappingName,
      recommendation: l.recommendation,
      status: l.status,
      dependsOn: l.dependsOn,
      message: l.message,
      startedAt: l.startedAt,
      finishedAt: l.finishedAt,
      erpToCrm: pass(l.erpToCrmJobId),
      crmToErp: pass(l.crmToErpJobId),
    })),
  };
}

/** The newest full synchronization, if any. */
export async function latestFullSyncId(ctx: ServiceContext): Promise<string | null> {
  requireRole(ctx, "viewer");
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) return null;
  const [run] = await ctx.db
    .select({ id: fullSyncRuns.id })
    .from(fullSyncRuns)
    .where(eq(fullSyncRuns.pairId, pairId))
    .orderBy(desc(fullSyncRuns.createdAt))
    .limit(1);
  return run?.id ?? null;
}
