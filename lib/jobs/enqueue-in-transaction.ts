import type { PgBoss } from "pg-boss";
import type { Database, Transaction } from "@/db/client";
import { SYNC_QUEUE } from "./boss";
import { singletonKey, SyncJobPayloadSchema, type SyncJobPayloadInput } from "./job-payload";
import { transactionExecutor } from "./transaction-executor";

const NO_JOB = "00000000-0000-0000-0000-000000000000";

/**
 * Queues sync work inside a database transaction, then runs `work` in it: the job exists only if the transaction
 * commits, so a decision and the run it starts are recorded together or not at all. `queuedId` is null when the
 * same work is already waiting (one queued job per mapping).
 */
export async function enqueueSyncInTransaction<T>(
  db: Database,
  boss: PgBoss,
  input: SyncJobPayloadInput,
  work: (tx: Transaction, queuedId: string | null) => Promise<T>,
): Promise<T> {
  const payload = SyncJobPayloadSchema.parse(input);
  // pg-boss looks a queue up on its own connection when it has not cached it (createQueue clears the cache). On
  // PGlite, one connection, that lookup would wait forever for the open transaction; so it is cached here, first.
  await boss.getJobById(SYNC_QUEUE, NO_JOB);
  return db.transaction(async (tx) => {
    const queuedId = await boss.send(SYNC_QUEUE, payload, {
      singletonKey: singletonKey(payload),
      db: transactionExecutor(tx),
    });
    return work(tx, queuedId);
  });
}
