import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import { syncJobs, type SyncJob } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";
import { ListJobsInput, type ListJobsQuery } from "./job-schemas";

export type JobRow = Pick<
  SyncJob,
  | "id"
  | "mappingName"
  | "direction"
  | "type"
  | "status"
  | "trigger"
  | "mode"
  | "inserted"
  | "modified"
  | "deleted"
  | "unchanged"
  | "skipped"
  | "failed"
  | "coupled"
  | "uncoupled"
  | "message"
  | "createdAt"
  | "finishedAt"
>;
export type JobPage = { rows: JobRow[]; total: number; query: ListJobsQuery; pairId: string | null };

const SORT_COLUMNS = {
  createdAt: syncJobs.createdAt,
  mappingName: syncJobs.mappingName,
  status: syncJobs.status,
  failed: syncJobs.failed,
  inserted: syncJobs.inserted,
  modified: syncJobs.modified,
} as const;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The job log of a connection pair (the active one unless named): filtered, sorted and paged in the database. */
export async function listJobs(args: { ctx: ServiceContext; input?: unknown }): Promise<JobPage> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const query = parseInput(ListJobsInput, args.input ?? {});
  const pairId = query.pairId ?? (await activePairOrNull(ctx.db));
  if (!pairId) return { rows: [], total: 0, query, pairId };
  const where: SQL[] = [eq(syncJobs.pairId, pairId)];
  if (query.mapping) where.push(eq(syncJobs.mappingName, query.mapping));
  if (query.direction) where.push(eq(syncJobs.direction, query.direction));
  if (query.status) where.push(eq(syncJobs.status, query.status));
  if (query.trigger) where.push(eq(syncJobs.trigger, query.trigger));
  if (query.from) where.push(gte(syncJobs.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(syncJobs.createdAt, nextDay(query.to)));
  if (query.hour) {
    const start = new Date(`${query.hour}:00:00Z`);
    where.push(gte(syncJobs.createdAt, start), lt(syncJobs.createdAt, new Date(start.getTime() + 3_600_000)));
  }
  if (query.outcome) where.push(query.outcome === "with-failures" ? gt(syncJobs.failed, 0) : eq(syncJobs.failed, 0));
  const filter = and(...where);
  const column = SORT_COLUMNS[query.sort];
  const order = query.order === "asc" ? asc(column) : desc(column);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: syncJobs.id,
        mappingName: syncJobs.mappingName,
        direction: syncJobs.direction,
        type: syncJobs.type,
        status: syncJobs.status,
        trigger: syncJobs.trigger,
        mode: syncJobs.mode,
        inserted: syncJobs.inserted,
        modified: syncJobs.modified,
        deleted: syncJobs.deleted,
        unchanged: syncJobs.unchanged,
        skipped: syncJobs.skipped,
        failed: syncJobs.failed,
        coupled: syncJobs.coupled,
        uncoupled: syncJobs.uncoupled,
        message: syncJobs.message,
        createdAt: syncJobs.createdAt,
        finishedAt: syncJobs.finishedAt,
      })
      .from(syncJobs)
      .where(filter)
      .orderBy(order, desc(syncJobs.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(syncJobs).where(filter),
  ]);
  return { rows, total: Number(total?.n ?? 0), query, pairId };
}
