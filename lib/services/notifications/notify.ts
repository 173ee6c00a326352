import { randomUUID } from "node:crypto";
import { and, asc, eq, lt } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { notificationDeliveries, type NotificationEvent } from "@/db/schema";
import { NOTIFY_QUEUE } from "@/lib/jobs/boss";
import { queueFor } from "@/lib/jobs/queue-registry";
import { buildPayload, type JobEventData } from "@/lib/notifications/payload";
import { readNotificationSettings, type NotificationSettings } from "./notification-settings";

export type NotifyInput = { event: NotificationEvent; subject: string; data: Partial<JobEventData> };
export type NotifyJobData = { deliveryId: string };

/** Deliveries the worker never took up after this long are queued again by the minute tick. */
export const SWEEP_AFTER_MS = 60_000;
const SWEEP_BATCH = 100;

/** Queues one delivery; without a queue in this process it stays pending for the tick's sweep. */
async function queueDelivery(boss: PgBoss, deliveryId: string): Promise<void> {
  await boss.send(NOTIFY_QUEUE, { deliveryId } satisfies NotifyJobData, { id: deliveryId });
}

/**
 * Records a notification and queues its delivery, when a webhook URL is set. One per event and subject: a second call
 * for the same job and event does nothing. Returns the new delivery's id, or null when nothing was recorded.
 */
export async function notify(
  db: Database,
  input: NotifyInput,
  settings?: NotificationSettings,
): Promise<string | null> {
  const { url } = settings ?? (await readNotificationSettings(db));
  if (!url) return null;
  const id = randomUUID();
  const occurredAt = new Date();
  const payload = buildPayload({ id, occurredAt, ...input });
  const [row] = await db
    .insert(notificationDeliveries)
    .values({ id, event: input.event, subject: input.subject, url, payload, createdAt: occurredAt })
    .onConflictDoNothing({ target: [notificationDeliveries.event, notificationDeliveries.subject] })
    .returning({ id: notificationDeliveries.id });
  if (!row) return null;
  let boss: PgBoss;
  try {
    boss = queueFor(db);
  } catch {
    return id; // no queue in this process (the CLI, a test): the sweep sends it
  }
  await queueDelivery(boss, id).catch((error: unknown) =>
    console.error("[tandem] queueing a notification:", (error as Error).message),
  );
  return id;
}

/** Part of the minute tick: pending deliveries never attempted, older than a minute, are queued (again). */
export async function sweepPendingDeliveries(db: Database, boss: PgBoss, now = new Date()): Promise<number> {
  const rows = await db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.status, "pending"),
        eq(notificationDeliveries.attempts, 0),
        lt(notificationDeliveries.createdAt, new Date(now.getTime() - SWEEP_AFTER_MS)),
      ),
    )
    .orderBy(asc(notificationDeliveries.createdAt))
    .limit(SWEEP_BATCH);
  for (const { id } of rows) await queueDelivery(boss, id);
  return rows.length;
}
