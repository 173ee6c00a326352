import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { advanceFullSync, runFullSyncLine } from "@/lib/sync/engine/full-sync";
import { heldJobs } from "@/lib/sync/engine/held-runs";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { openEngine } from "@/lib/integration/open-engine";
import { enqueueSync } from "./enqueue";
import { SyncJobPayloadSchema } from "./job-payload";

/** Queues the full-sync lines that may start now. */
export async function startReadyLines(
  db: Database,
  boss: PgBoss,
  runId: string,
  startedBy: string | null,
): Promise<string[]> {
  const ready = await advanceFullSync({ db }, runId);
  for (const mapping of ready) await enqueueSync(boss, { kind: "full-sync-line", runId, mapping, startedBy });
  return ready;
}

/** Runs one job of the sync queue, whichever process picked it up (worker or cron route). */
export async function processSyncJob(db: Database, boss: PgBoss, data: unknown, holder: string): Promise<void> {
  const payload = SyncJobPayloadSchema.parse(data);
  // Queued before its mapping was held, or retried after a crash: a guarded run waits for the held run's decision.
  const ctx = await openEngine(db);
  if (
    payload.kind === "run-mapping" &&
    payload.guard === "on" &&
    (await heldJobs(db, ctx.pairId, payload.mapping)).length
  )
    return;
  if (payload.kind === "run-mapping") {
    await runMapping(ctx, payload.mapping, {
      trigger: payload.trigger,
      mode: payload.mode,
      direction: payload.direction,
      guard: payload.guard,
      startedBy: payload.startedBy,
      holder,
      waitMs: 5_000,
    });
    return;
  }
  await runFullSyncLine(ctx, payload.runId, payload.mapping, payload.startedBy);
  await startReadyLines(db, boss, payload.runId, payload.startedBy);
}
