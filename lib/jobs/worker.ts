import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { DbHandle } from "@/db/drivers/types";
import { pruneJobHistory } from "@/lib/services/jobs/prune-job-history";
import type { NotifyJobData } from "@/lib/services/notifications/notify";
import { runReconciliation } from "@/lib/services/reconciliation/run-reconciliation";
import {
  createBoss,
  ensureQueues,
  NOTIFY_QUEUE,
  RECONCILE_QUEUE,
  RETENTION_QUEUE,
  SYNC_QUEUE,
  TICK_QUEUE,
} from "./boss";
import { deliverQueued } from "./deliver-queued";
import { enqueueDue } from "./enqueue";
import { processSyncJob } from "./process-job";

export type Worker = { boss: PgBoss; id: string; stop: () => Promise<void> };

/**
 * The long-running worker of `next start`: the minute cron that queues due mappings, the daily history prune, and
 * handlers for sync jobs, webhook deliveries and reconciliations.
 * Several instances on one Postgres share the work; pg-boss hands each job to one of them.
 */
export async function startWorker(
  handle: DbHandle,
  options: { concurrency?: number; pollingIntervalSeconds?: number; cron?: boolean; stopOnSignals?: boolean } = {},
): Promise<Worker> {
  const boss = createBoss(handle);
  await boss.start();
  await ensureQueues(boss);
  const id = `worker:${randomUUID()}`;
  if (options.cron ?? true) {
    await boss.schedule(TICK_QUEUE, "* * * * *");
    await boss.work(TICK_QUEUE, async () => void (await enqueueDue(handle.db, boss)));
    await boss.schedule(RETENTION_QUEUE, "30 3 * * *");
    await boss.work(RETENTION_QUEUE, async () => {
      await pruneJobHistory(handle.db);
      // PGlite runs no autovacuum: without fresh statistics the planner misjudges big coupling tables.
      if (handle.driver === "pglite") await handle.db.execute(sql`analyze`);
    });
  }
  await boss.work(
    NOTIFY_QUEUE,
    { localConcurrency: 2, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, includeMetadata: true },
    async ([job]: JobWithMetadata<NotifyJobData>[]) => {
      if (job) await deliverQueued(handle.db, job);
    },
  );
  await boss.work(RECONCILE_QUEUE, { localConcurrency: 1 }, async ([job]: { data: { id: string } }[]) => {
    if (job) await runReconciliation(handle.db, job.data.id);
  });
  await boss.work(
    SYNC_QUEUE,
    {
      localConcurrency: options.concurrency ?? 2,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      heartbeatRefreshSeconds: 10,
    },
    async ([job]) => {
      if (job) await processSyncJob(handle.db, boss, job.data, id);
    },
  );
  const stop = () => boss.stop({ graceful: true, timeout: 30_000 });
  if (options.stopOnSignals)
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop().catch(() => {}));
  return { boss, id, stop };
}
