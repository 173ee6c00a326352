import type { Database } from "@/db/client";
import { noticesForJob } from "@/lib/notifications/job-events";
import type { EndedJob } from "@/lib/sync/engine/engine-context";
import { readNotificationSettings } from "./notification-settings";
import { notify } from "./notify";

/** The engine's listener: a job that failed, was held, skipped too many records or lost a connection is told. */
export async function notifyJobEnded(db: Database, job: EndedJob): Promise<void> {
  const settings = await readNotificationSettings(db);
  if (!settings.url) return;
  for (const notice of noticesForJob(job, settings.skippedThreshold)) await notify(db, notice, settings);
}
