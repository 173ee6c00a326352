import type { ConnectorRecord } from "@/lib/connectors/connector";
import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { couplingsByIds, type NewCoupling } from "./coupling-store";
import { sourceOfKey } from "./creation-key";
import type { EngineContext } from "./engine-context";

/**
 * Uncoupled source records this mapping itself created from the other side — their idempotency key names the
 * record they came from — whose coupling was never stored (a run killed before it, a create that landed after the
 * run's recovery). They are coupled back to that record instead of being created over there a second time. The
 * orphan is stamped as synced, so the pass from its origin brings it up to date. Keyed by the orphan's id.
 */
export async function orphanCouplings(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  uncoupled: ConnectorRecord[],
): Promise<Map<string, NewCoupling>> {
  const from = sourceSide(flow);
  const into = targetSide(flow);
  const orphans = uncoupled.flatMap((record) => {
    const origin = sourceOfKey(mapping.name, record.key);
    return origin ? [{ record, origin }] : [];
  });
  const found = new Map<string, NewCoupling>();
  if (!orphans.length) return found;
  const origins = orphans.map((o) => o.origin);
  const existing = new Set(
    (await ctx.connectors[into].readByIds(mapping[into].entity, origins, [])).map((r) => r.id.toLowerCase()),
  );
  const taken = await couplingsByIds(ctx.db, ctx.pairId, mapping.name, into, origins);
  for (const { record, origin } of orphans) {
    if (!existing.has(origin) || taken.has(origin)) continue;
    const stamp = { modifiedOn: record.modifiedOn, etag: record.etag };
    found.set(
      record.id.toLowerCase(),
      from === "erp"
        ? {
            mappingName: mapping.name,
            erpId: record.id,
            crmId: origin,
            erpModifiedOn: stamp.modifiedOn,
            erpEtag: stamp.etag,
            crmModifiedOn: null,
          }
        : {
            mappingName: mapping.name,
            erpId: origin,
            crmId: record.id,
            crmModifiedOn: stamp.modifiedOn,
            crmEtag: stamp.etag,
            erpModifiedOn: null,
          },
    );
  }
  return found;
}
