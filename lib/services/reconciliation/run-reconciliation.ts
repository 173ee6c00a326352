import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { reconciliations } from "@/db/schema";
import { openEngine } from "@/lib/integration/open-engine";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { findMapping, type EngineContext } from "@/lib/sync/engine/engine-context";
import { countForProgress } from "@/lib/sync/engine/progress-count";
import { ReconcileCancelled, reconcile } from "@/lib/sync/reconcile/reconcile";
import { flushUsage } from "../connections/connection-usage";

/** Both sides' counts within the filter: the progress bar's whole. */
async function expected(engine: EngineContext, mapping: TableMapping): Promise<number | null> {
  const [erp, crm] = await Promise.all([
    countForProgress(engine, mapping, "erp"),
    countForProgress(engine, mapping, "crm"),
  ]);
  return erp === null || crm === null ? null : erp + crm;
}

/** Runs one queued reconciliation to its end: succeeded with its report, cancelled, or failed with the reason. */
export async function runReconciliation(db: Database, id: string): Promise<void> {
  const [claimed] = await db
    .update(reconciliations)
    .set({ status: "running", startedAt: new Date(), heartbeatAt: new Date() })
    .where(eq(reconciliations.id, id))
    .returning();
  if (!claimed || claimed.finishedAt) return;
  const finish = (values: Partial<typeof reconciliations.$inferInsert>) =>
    db
      .update(reconciliations)
      .set({ ...values, finishedAt: new Date() })
      .where(eq(reconciliations.id, id));
  try {
    const engine = await openEngine(db);
    const mapping = findMapping(engine.config, claimed.mappingName);
    await db
      .update(reconciliations)
      .set({ expected: await expected(engine, mapping), configVersion: engine.config.version })
      .where(eq(reconciliations.id, id));
    const { report, driftedErpIds } = await reconcile(engine, mapping, async (read) => {
      const [row] = await db
        .update(reconciliations)
        .set({ readErp: read.erp, readCrm: read.crm, heartbeatAt: new Date() })
        .where(eq(reconciliations.id, id))
        .returning({ cancel: reconciliations.cancelRequestedAt });
      return !row?.cancel;
    });
    await finish({ status: "succeeded", report, driftedErpIds });
  } catch (error) {
    if (error instanceof ReconcileCancelled) await finish({ status: "cancelled", message: "Cancelled by an admin." });
    else await finish({ status: "failed", message: error instanceof Error ? error.message : String(error) });
  } finally {
    await flushUsage(db).catch((error: unknown) => console.warn("[tandem] request usage not saved:", error));
  }
}
