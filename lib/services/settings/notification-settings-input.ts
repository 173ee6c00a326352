import { z } from "zod";
import { sealWebhookSecret } from "../notifications/webhook-secret";

const WebhookUrl = z
  .string()
  .trim()
  .max(2048, "at most 2,048 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "not a URL: a webhook URL starts with https:// (or http://)" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      ctx.addIssue({ code: "custom", message: "a webhook URL starts with https:// (or http://)" });
    if (url.username || url.password)
      ctx.addIssue({
        code: "custom",
        message: "a webhook URL must not carry a user or password: use the shared secret",
      });
  });

/** A whole number from a form field or JSON; absent leaves the stored value, an emptied field is an error. */
const count = (min: number, max: number, messages: { min: string; max: string }) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v)) : v),
      z.number({ message: "enter a whole number" }).int("a whole number").min(min, messages.min).max(max, messages.max),
    )
    .optional();

/**
 * Notification and retention fields of the settings form. The secret is write-only: empty keeps the stored one,
 * `clearWebhookSecret` removes it; absent fields leave their stored value (callers that predate them).
 */
export const NotificationSettingsShape = {
  webhookUrl: z
    .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), WebhookUrl.nullable())
    .optional(),
  webhookSecret: z
    .preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.string().min(16, "at least 16 characters").max(256, "at most 256 characters").optional(),
    )
    .optional(),
  clearWebhookSecret: z.boolean().optional(),
  skippedThreshold: count(1, 1_000_000, { min: "at least 1 record", max: "at most 1,000,000 records" }),
  retentionDays: count(1, 3650, { min: "at least 1 day", max: "at most 3,650 days (ten years)" }),
};

/** The secret column to write, and what the audit row says about it (never the secret). */
export function notificationColumns(input: { webhookSecret?: string; clearWebhookSecret?: boolean }): {
  columns: { webhookSecretEncrypted?: string | null };
  change: "replaced" | "removed" | "kept";
} {
  if (input.webhookSecret)
    return { columns: { webhookSecretEncrypted: sealWebhookSecret(input.webhookSecret) }, change: "replaced" };
  if (input.clearWebhookSecret) return { columns: { webhookSecretEncrypted: null }, change: "removed" };
  return { columns: {}, change: "kept" };
}

/** Only the origin of a URL whose path or query may hold a token. */
export function redactedUrl<T extends string | null | undefined>(url: T): T {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    return (parsed.pathname === "/" && !parsed.search ? parsed.origin : `${parsed.origin}/…`) as T;
  } catch {
    return "…" as T;
  }
}
