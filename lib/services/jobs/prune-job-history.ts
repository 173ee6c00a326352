import { and, eq, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { couplings, notificationDeliveries, syncJobs } from "@/db/schema";
import { writeAudit } from "../audit/write-audit";
import { systemActor } from "../context";
import { readNotificationSettings } from "../notifications/notification-settings";

/** Rows per statement: 100,000 old jobs become twenty short transactions, not one that holds locks for minutes. */
export const PRUNE_BATCH = 5000;
const DAY_MS = 86_400_000;

export type PruneResult = { cutoff: Date; days: number; jobs: number; deliveries: number };

/** Deletes, one batch per statement, the rows `doomed` picks (a select of ids), until a batch comes back short. */
async function inBatches(
  db: Database,
  table: PgTable & { id: typeof syncJobs.id | typeof notificationDeliveries.id },
  doomed: (limit: number) => SQL,
  batch: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db
      .delete(table)
      .where(inArray(table.id, doomed(batch)))
      .returning({ id: table.id });
    total += deleted.length;
    if (deleted.length < batch) return total;
  }
}

/** A skipped coupling's job: Business Central keeps it (and its errors) while the coupling waits to be restored. */
const skippedJobIds = (side: "lastJobIdErp" | "lastJobIdCrm") =>
  sql`(select ${couplings[side]} from ${couplings} where ${couplings.skipped} and ${couplings[side]} is not null)`;

/**
 * The daily retention job: deletes finished jobs (their errors cascade) created before now − retentionDays. A job
 * with failures stays while a skipped coupling names it as the job it failed in; queued, running and held jobs stay
 * always. Notification deliveries older than the same cutoff go too. Writes one audit row with the counts.
 */
export async function pruneJobHistory(
  db: Database,
  options: { now?: Date; days?: number; batch?: number } = {},
): Promise<PruneResult> {
  const days = options.days ?? (await readNotificationSettings(db)).retentionDays;
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * DAY_MS);
  const batch = options.batch ?? PRUNE_BATCH;
  const oldFinished = and(lt(syncJobs.createdAt, cutoff), notInArray(syncJobs.status, ["queued", "running", "held"]));
  const clean = and(sql`${syncJobs.status} <> 'failed'`, eq(syncJobs.failed, 0));
  const unreferenced = and(
    sql`${syncJobs.id} not in ${skippedJobIds("lastJobIdErp")}`,
    sql`${syncJobs.id} not in ${skippedJobIds("lastJobIdCrm")}`,
  );
  const jobs = await inBatches(
    db,
    syncJobs,
    (limit) =>
      sql`(select ${syncJobs.id} from ${syncJobs} where ${and(oldFinished, or(clean, unreferenced))} limit ${limit})`,
    batch,
  );
  const deliveries = await inBatches(
    db,
    notificationDeliveries,
    (limit) =>
      sql`(select ${notificationDeliveries.id} from ${notificationDeliveries} where ${lt(notificationDeliveries.createdAt, cutoff)} limit ${limit})`,
    batch,
  );
  await writeAudit(db, systemActor("retention"), {
    action: "jobs.prune",
    targetType: "sync_jobs",
    details: { cutoff: cutoff.toISOString(), days, jobs, deliveries },
  });
  return { cutoff, days, jobs, deliveries };
}
