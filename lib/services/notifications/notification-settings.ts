import type { DbOrTx } from "@/db/client";
import { integrationSettings } from "@/db/schema";

/** The schema's defaults, for a database whose settings row was never written. */
export const DEFAULT_SKIPPED_THRESHOLD = 10;
export const DEFAULT_RETENTION_DAYS = 30;

export type NotificationSettings = {
  url: string | null;
  /** The secret-box envelope; opened only when a request is signed. */
  secretEnvelope: string | null;
  skippedThreshold: number;
  retentionDays: number;
};

/** Read without creating the row: every sync pass asks, and most databases never set a webhook. */
export async function readNotificationSettings(db: DbOrTx): Promise<NotificationSettings> {
  const [row] = await db
    .select({
      url: integrationSettings.webhookUrl,
      secretEnvelope: integrationSettings.webhookSecretEncrypted,
      skippedThreshold: integrationSettings.skippedThreshold,
      retentionDays: integrationSettings.retentionDays,
    })
    .from(integrationSettings)
    .limit(1);
  return (
    row ?? {
      url: null,
      secretEnvelope: null,
      skippedThreshold: DEFAULT_SKIPPED_THRESHOLD,
      retentionDays: DEFAULT_RETENTION_DAYS,
    }
  );
}
