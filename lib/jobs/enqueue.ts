import { and, eq, inArray, max } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { fullSyncLines, fullSyncRuns, integrationSettings, mappingSettings, syncJobs } from "@/db/schema";
import { heldMappings } from "@/lib/sync/engine/held-runs";
import { dueMappings, withDefaultSchedule } from "@/lib/sync/plan/schedule";
import { activePairId } from "@/lib/integration/integration-connections";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { sweepPendingDeliveries } from "@/lib/services/notifications/notify";
import { SYNC_QUEUE } from "./boss";
import { singletonKey, SyncJobPayloadSchema, type SyncJobPayloadInput } from "./job-payload";

/** Queues sync work; null when the same work is already waiting (one queued job per mapping). */
export async function enqueueSync(boss: PgBoss, input: SyncJobPayloadInput): Promise<string | null> {
  const payload = SyncJobPayloadSchema.parse(input);
  return boss.send(SYNC_QUEUE, payload, { singletonKey: singletonKey(payload) });
}

/** When each mapping last ran on schedule: the newest scheduled job's start. */
async function lastScheduled(db: Database, pairId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ mapping: syncJobs.mappingName, at: max(syncJobs.createdAt) })
    .from(syncJobs)
    .where(and(eq(syncJobs.pairId, pairId), eq(syncJobs.trigger, "schedule")))
    .groupBy(syncJobs.mappingName);
  return new Map(rows.filter((r) => r.at).map((r) => [r.mapping, new Date(r.at!)]));
}

/**
 * Mappings whose line in a full synchronization of the pair has not finished: an incremental run before the line
 * would set watermarks past records the line is about to couple, and they would never be brought up to date.
 */
async function inFullSync(db: Database, pairId: string): Promise<string[]> {
  const rows = await db
    .select({ mapping: fullSyncLines.mappingName })
    .from(fullSyncLines)
    .innerJoin(fullSyncRuns, eq(fullSyncRuns.id, fullSyncLines.runId))
    .where(and(eq(fullSyncRuns.pairId, pairId), inArray(fullSyncLines.status, ["pending", "queued", "running"])));
  return rows.map((r) => r.mapping);
}

/**
 * The scheduler's tick: queues every mapping whose interval has passed (document lines run with their header), except
 * mappings with a held run or a full synchronization line still to finish. Nothing is scheduled before the connection pair's first full synchronization was
 * started: it couples and creates what incremental runs build on (a new tenant starts with none). Webhook deliveries
 * recorded where no queue ran (the CLI) are queued first.
 */
export async function enqueueDue(
  db: Database,
  boss: PgBoss,
  now = new Date(),
): Promise<{ due: string[]; queued: string[]; jobIds: string[] }> {
  await sweepPendingDeliveries(db, boss, now).catch((error: unknown) =>
    console.error("[tandem] queueing pending notifications:", (error as Error).message),
  );
  const pairId = await activePairId(db).catch(() => null);
  if (!pairId) return { due: [], queued: [], jobIds: [] }; // no connections: nothing to schedule
  const [firstFullSync] = await db
    .select({ id: fullSyncRuns.id })
    .from(fullSyncRuns)
    .where(eq(fullSyncRuns.pairId, pairId))
    .limit(1);
  if (!firstFullSync) return { due: [], queued: [], jobIds: [] };
  let config;
  try {
    ({ config } = await loadPublishedConfig(db));
  } catch {
    return { due: [], queued: [], jobIds: [] }; // nothing published yet: nothing to schedule
  }
  const paused = await heldMappings(db, pairId);
  for (const row of await db.select().from(mappingSettings).where(eq(mappingSettings.scheduleEnabled, false)))
    paused.add(row.mappingName); // an admin switched its schedule off on the Table mappings page
  for (const mapping of await inFullSync(db, pairId)) paused.add(mapping);
  const [settings] = await db.select().from(integrationSettings).limit(1);
  const due = dueMappings(
    withDefaultSchedule(config, settings?.defaultScheduleMinutes ?? null),
    await lastScheduled(db, pairId),
    now,
    paused,
  );
  const queued: string[] = [];
  const jobIds: string[] = [];
  for (const mapping of due) {
    const id = await enqueueSync(boss, { kind: "run-mapping", mapping, trigger: "schedule" });
    if (!id) continue;
    queued.push(mapping);
    jobIds.push(id);
  }
  return { due, queued, jobIds };
}
