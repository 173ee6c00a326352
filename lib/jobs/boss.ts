import { PgBoss, fromPglite } from "pg-boss";
import type { DbHandle } from "@/db/drivers/types";

export const SYNC_QUEUE = "tandem-sync";
export const TICK_QUEUE = "tandem-tick";

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
}
