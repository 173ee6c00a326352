import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { buildPayload } from "@/lib/notifications/payload";
import { writeAudit } from "../audit/write-audit";
import { requireRole, type ServiceContext } from "../context";
import { readNotificationSettings } from "./notification-settings";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { openWebhookSecret } from "./webhook-secret";

/**
 * One signed "test" POST to the saved URL, answered at once: not recorded as a delivery and never retried, so it
 * does not count in the receiver's status.
 */
export async function sendTestNotification(args: { ctx: ServiceContext; fetch?: typeof fetch }): Promise<PostOutcome> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const settings = await readNotificationSettings(ctx.db);
  if (!settings.url)
    throw new AppError("VALIDATION_FAILED", "Enter a webhook URL and save the settings first.", {
      fieldErrors: { webhookUrl: ["enter a webhook URL and save the settings first"] },
    });
  const secret = settings.secretEnvelope ? openWebhookSecret(settings.secretEnvelope) : null;
  const payload = buildPayload({ id: randomUUID(), event: "test", subject: "test", occurredAt: new Date(), data: {} });
  const outcome = await postWebhook({ url: settings.url, payload, secret, fetch: args.fetch });
  await writeAudit(ctx.db, ctx.actor, {
    action: "notifications.test",
    targetType: "settings",
    details: { delivered: outcome.delivered, statusCode: outcome.statusCode, signed: Boolean(secret) },
  });
  return outcome;
}
