import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import type { DbHandle } from "@/db/drivers/types";
import { createBoss, ensureQueues, SYNC_QUEUE, TICK_QUEUE } from "./boss";
import { enqueueDue } from "./enqueue";
import { processSyncJob } from "./process-job";

export type Worker = { boss: PgBoss; id: string; stop: () => Promise<void> };

/**
 * The long-running worker of `next start`: the minute cron that queues due mappings, and handlers for sync jobs.
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
  }
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
