import { randomUUID, timingSafeEqual } from "node:crypto";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import type { DbHandle } from "@/db/drivers/types";
import { AppError } from "@/lib/errors";
import { createBoss, ensureQueues, SYNC_QUEUE } from "./boss";
import { deliverDue } from "./deliver-queued";
import { enqueueDue } from "./enqueue";
import { processSyncJob } from "./process-job";
import { queueFor, registerQueue } from "./queue-registry";

export type TickResult = {
  due: string[];
  queued: string[];
  processed: number;
  failed: number;
  /** Webhook delivery attempts made in this tick. */
  notified: number;
  remainingMs: number;
};

/** The Authorization header a scheduler sends: `Bearer <CRON_SECRET>`, compared in constant time. */
export function checkCronSecret(header: string | null, secret: string | undefined): void {
  if (!secret) throw new AppError("CONFIGURATION", "CRON_SECRET is not set, so the scheduled route is switched off.");
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] ?? "");
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AppError("UNAUTHENTICATED", "The scheduled route needs Authorization: Bearer <CRON_SECRET>.");
}

/** This process's queue: the worker's if it runs, else one started without workers, for serverless hosts. */
export async function processQueue(handle: DbHandle): Promise<PgBoss> {
  try {
    return queueFor(handle.db);
  } catch {
    const boss = createBoss(handle, { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
    registerQueue(handle.db, boss);
    return boss;
  }
}

/**
 * A serverless host's scheduled call: queue what is due, then work through queued sync jobs until the deadline, one
 * at a time (a job is not started when the deadline has passed; one that outlives it is taken over by the retry),
 * then the webhook deliveries due, which those jobs may have just queued.
 */
export async function runTick(db: Database, boss: PgBoss, deadline: number): Promise<TickResult> {
  const { due, queued } = await enqueueDue(db, boss);
  const holder = `tick:${randomUUID()}`;
  let processed = 0;
  let failed = 0;
  while (Date.now() < deadline) {
    const [job] = await boss.fetch(SYNC_QUEUE, { batchSize: 1 });
    if (!job) break;
    try {
      await processSyncJob(db, boss, job.data, holder);
      await boss.complete(SYNC_QUEUE, job.id);
      processed++;
    } catch (error) {
      await boss.fail(SYNC_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
      failed++;
    }
  }
  const notified = await deliverDue(db, boss, deadline);
  return { due, queued, processed, failed, notified, remainingMs: Math.max(0, deadline - Date.now()) };
}
