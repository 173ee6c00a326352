import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { deliverNotification } from "@/lib/services/notifications/deliver-notification";
import type { NotifyJobData } from "@/lib/services/notifications/notify";
import { NOTIFY_QUEUE } from "./boss";

/** A queued delivery's attempt: its last allowed one is the queue job's last retry. */
export async function deliverQueued(db: Database, job: JobWithMetadata<NotifyJobData>): Promise<void> {
  await deliverNotification(db, job.data.deliveryId, { maxAttempts: job.retryLimit + 1 });
}

/** A serverless tick's share of deliveries: those due now, one at a time, until the deadline (retries wait). */
export async function deliverDue(db: Database, boss: PgBoss, deadline: number): Promise<number> {
  let attempted = 0;
  while (Date.now() < deadline) {
    const [job] = await boss.fetch<NotifyJobData>(NOTIFY_QUEUE, { batchSize: 1, includeMetadata: true });
    if (!job) break;
    try {
      await deliverQueued(db, job);
      await boss.complete(NOTIFY_QUEUE, job.id);
    } catch (error) {
      await boss.fail(NOTIFY_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
    }
    attempted++;
  }
  return attempted;
}
