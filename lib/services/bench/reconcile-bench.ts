import { sql } from "drizzle-orm";
import { insertCouplings } from "@/lib/sync/engine/coupling-store";
import type { DbHandle } from "@/db/client";
import { BENCH_CUSTOMER } from "@/lib/integration/bench/bench-mapping";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections } from "@/lib/integration/integration-connections";
import { compileMappings } from "@/lib/integration/test/sync-harness";
import { seedScale } from "@/lib/sandbox/seed-scale";
import { stableUuid } from "@/lib/sandbox/stable-uuid";
import { createEngineContext, findMapping } from "@/lib/sync/engine/engine-context";
import { reconcile } from "@/lib/sync/reconcile/reconcile";

export const RECONCILE_PAIRS = Number(process.env.BENCH_RECONCILE_PAIRS ?? 100_000);
const NAME = "RECONCILE-BENCH";

/**
 * Reconciles RECONCILE_PAIRS coupled customer/account pairs through the sandboxes (in process, every request through
 * the connectors as in the app): seeds both sides and couples customer i to account i, then times one reconciliation.
 */
export async function benchReconciliation(handle: DbHandle, pairId: string) {
  await seedScale(handle.db, { customers: RECONCILE_PAIRS });
  for (let i = 0; i < RECONCILE_PAIRS; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, RECONCILE_PAIRS - i) }, (_, k) => ({
      mappingName: NAME,
      erpId: stableUuid(`erp:customers:scale:${i + k}`),
      crmId: stableUuid(`crm:accounts:scale:${i + k}`),
      erpModifiedOn: null,
      crmModifiedOn: null,
    }));
    await insertCouplings(handle.db, pairId, rows);
  }
  // After a bulk load the planner needs fresh statistics (Postgres' autovacuum would take them later; PGlite has none).
  await handle.db.execute(sql`analyze`);
  const config = compileMappings([{ ...BENCH_CUSTOMER, name: NAME }]);
  const { connectors, catalogs } = await buildConnectors(handle.db, await activeConnections(handle.db));
  const ctx = createEngineContext({ db: handle.db, pairId, config, connectors, catalogs });
  const started = performance.now();
  const { report } = await reconcile(ctx, findMapping(config, NAME), async () => true);
  const seconds = (performance.now() - started) / 1000;
  const records = report.erpInFilter + report.crmInFilter;
  return {
    pairs: report.coupled,
    drifted: report.drifted,
    seconds: +seconds.toFixed(2),
    records_per_s: Math.round(records / seconds),
    pairs_per_s: Math.round(report.coupled / seconds),
  };
}
