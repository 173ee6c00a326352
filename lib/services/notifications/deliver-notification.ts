import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationAttempts, notificationDeliveries, type DeliveryStatus } from "@/db/schema";
import { NOTIFY_RETRY } from "@/lib/jobs/boss";
import type { WebhookPayload } from "@/lib/notifications/payload";
import { readNotificationSettings } from "./notification-settings";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { openWebhookSecret } from "./webhook-secret";

/** The first attempt and the queue's retries. */
export const NOTIFY_MAX_ATTEMPTS = NOTIFY_RETRY.retryLimit + 1;

export type DeliveryResult = PostOutcome & { attempt: number; status: DeliveryStatus };

export type DeliverOptions = { fetch?: typeof fetch; maxAttempts?: number; timeoutMs?: number };

async function attemptOnce(
  db: Database,
  url: string,
  payload: WebhookPayload,
  options: DeliverOptions,
): Promise<PostOutcome> {
  try {
    const { secretEnvelope } = await readNotificationSettings(db);
    const secret = secretEnvelope ? openWebhookSecret(secretEnvelope) : null;
    return await postWebhook({ url, payload, secret, fetch: options.fetch, timeoutMs: options.timeoutMs });
  } catch (error) {
    // A secret that no longer opens (TANDEM_SECRET_KEY changed): its message names the cause, never the secret.
    return { delivered: false, statusCode: null, error: (error as Error).message, durationMs: 0 };
  }
}

/**
 * One attempt at a delivery: POSTs it to the URL it was recorded for, signed with the current secret, logs the
 * attempt and updates the delivery, which fails for good after the last allowed attempt. Throws when the attempt
 * failed, so the queue retries it; returns null when there is nothing to do (delivered, given up, or pruned).
 */
export async function deliverNotification(
  db: Database,
  deliveryId: string,
  options: DeliverOptions = {},
): Promise<DeliveryResult | null> {
  const [delivery] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, deliveryId));
  if (!delivery || delivery.status !== "pending") return null;
  const maxAttempts = options.maxAttempts ?? NOTIFY_MAX_ATTEMPTS;
  const outcome = await attemptOnce(db, delivery.url, delivery.payload as WebhookPayload, options);
  const attempt = delivery.attempts + 1;
  const status: DeliveryStatus = outcome.delivered ? "delivered" : attempt >= maxAttempts ? "failed" : "pending";
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(notificationAttempts).values({
      deliveryId,
      attempt,
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
      at: now,
    });
    await tx
      .update(notificationDeliveries)
      .set({
        attempts: attempt,
        status,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(status === "delivered" ? { deliveredAt: now } : {}),
        ...(status === "failed" ? { failedAt: now } : {}),
      })
      .where(eq(notificationDeliveries.id, deliveryId));
  });
  if (!outcome.delivered)
    throw new Error(
      `Webhook delivery ${deliveryId}, attempt ${attempt} of ${maxAttempts}${status === "failed" ? " (the last)" : ""}: ${outcome.error}`,
    );
  return { ...outcome, attempt, status };
}
