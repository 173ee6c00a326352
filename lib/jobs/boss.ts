import { PgBoss, fromPglite } from "pg-boss";
import type { DbHandle } from "@/db/drivers/types";
import { RECONCILE_QUEUE } from "@/lib/services/reconciliation/reconciliation-schemas";

export const SYNC_QUEUE = "tandem-sync";
export const TICK_QUEUE = "tandem-tick";
export const NOTIFY_QUEUE = "tandem-notify";
export const RETENTION_QUEUE = "tandem-retention";
export { RECONCILE_QUEUE };

/**
 * A webhook delivery is retried with backoff and then given up: 7 attempts, waits of about 2–4 s, 4–8 s, … 64–128 s
 * (about 2 to 4 minutes in all), never forever.
 */
export const NOTIFY_RETRY = { retryLimit: 6, retryDelay: 2, retryBackoff: true } as const;

export type BossOptions = { schedule?: boolean; supervise?: boolean };

/** pg-boss on the app's database: through the embedded PGlite instance itself, or its own Postgres connections. */
export function createBoss(handle: DbHandle, options: BossOptions = {}): PgBoss {
  const common = {
    schema: "pgboss",
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
    migrate: true,
  };
  const boss =
    handle.queue.kind === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(handle.queue.client), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: handle.queue.url, max: 4 });
  boss.on("error", (error: Error) => console.error("[tandem] job queue:", error.message));
  return boss;
}

/**
 * The queues: sync work allows one job per key, queued or running ("exclusive"), so a cron tick, a manual run and a
 * second worker asking at once make one run; a killed run is retried after its heartbeat lapses.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(SYNC_QUEUE, {
    policy: "exclusive",
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 4 * 3600,
    heartbeatSeconds: 30,
  });
  await boss.createQueue(TICK_QUEUE, { policy: "stately", retryLimit: 0, expireInSeconds: 300 });
  // A delivery's job id is the delivery's id: the tick's sweep and a second send of one delivery make one job.
  await boss.createQueue(NOTIFY_QUEUE, { policy: "standard", ...NOTIFY_RETRY, expireInSeconds: 60 });
  await boss.createQueue(RETENTION_QUEUE, { policy: "stately", retryLimit: 1, expireInSeconds: 3600 });
  // A reconciliation only reads; one that died is marked interrupted by the next start, not retried.
  await boss.createQueue(RECONCILE_QUEUE, { policy: "standard", retryLimit: 0, expireInSeconds: 4 * 3600 });
}
