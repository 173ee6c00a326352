import { and, desc, eq, gt, max, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationAttempts, notificationDeliveries } from "@/db/schema";
import { readNotificationSettings } from "./notification-settings";

/** Consecutive failed attempts from which a receiver is shown as failing, before any delivery gave up. */
export const FAILING_AFTER = 3;

/** How the webhook receiver is doing, for the dashboard: judged on the URL set now, not on an old one. */
export type ReceiverStatus = {
  urlSet: boolean;
  lastDeliveredAt: Date | null;
  /** Failed attempts since the last successful one. */
  consecutiveFailures: number;
  /** The newest delivery that finished gave up, or FAILING_AFTER attempts in a row failed. */
  failing: boolean;
  /** The newest failed attempt's error since the last success. */
  lastError: string | null;
};

const succeeded = sql`coalesce(${notificationAttempts.statusCode} between 200 and 299, false)`;

export async function receiverStatus(db: DbOrTx): Promise<ReceiverStatus> {
  const { url } = await readNotificationSettings(db);
  if (!url) return { urlSet: false, lastDeliveredAt: null, consecutiveFailures: 0, failing: false, lastError: null };
  const forUrl = eq(notificationDeliveries.url, url);
  const byDelivery = eq(notificationDeliveries.id, notificationAttempts.deliveryId);
  const [success] = await db
    .select({ at: max(notificationAttempts.at) })
    .from(notificationAttempts)
    .innerJoin(notificationDeliveries, byDelivery)
    .where(and(forUrl, succeeded));
  const lastDeliveredAt = success?.at ?? null;
  const [failed] = await db
    .select({ count: sql<number>`count(*) over ()`.mapWith(Number), error: notificationAttempts.error })
    .from(notificationAttempts)
    .innerJoin(notificationDeliveries, byDelivery)
    .where(
      and(forUrl, sql`not ${succeeded}`, lastDeliveredAt ? gt(notificationAttempts.at, lastDeliveredAt) : undefined),
    )
    .orderBy(desc(notificationAttempts.at), desc(notificationAttempts.id))
    .limit(1);
  const [finished] = await db
    .select({ status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .where(and(forUrl, ne(notificationDeliveries.status, "pending")))
    .orderBy(desc(sql`coalesce(${notificationDeliveries.deliveredAt}, ${notificationDeliveries.failedAt})`))
    .limit(1);
  const consecutiveFailures = failed?.count ?? 0;
  return {
    urlSet: true,
    lastDeliveredAt,
    consecutiveFailures,
    failing: finished?.status === "failed" || consecutiveFailures >= FAILING_AFTER,
    lastError: failed?.error ?? null,
  };
}
