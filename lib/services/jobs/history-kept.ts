import { count, min } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { syncJobs } from "@/db/schema";
import { readNotificationSettings } from "../notifications/notification-settings";

/** How much job history there is, and how long it is kept: the dashboard's line under its charts. */
export type HistoryKept = { retentionDays: number; oldestJobAt: Date | null; jobs: number };

export async function historyKept(db: DbOrTx): Promise<HistoryKept> {
  const [{ retentionDays }, [row]] = await Promise.all([
    readNotificationSettings(db),
    db.select({ oldest: min(syncJobs.createdAt), jobs: count() }).from(syncJobs),
  ]);
  return { retentionDays, oldestJobAt: row?.oldest ?? null, jobs: row?.jobs ?? 0 };
}
