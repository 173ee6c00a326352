import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import { couplingIntents } from "@/db/schema";
import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { couplingsByIds, insertCouplings, type NewCoupling } from "./coupling-store";
import { crashPoint } from "./crash-points";
import { creationKey } from "./creation-key";
import type { EngineContext } from "./engine-context";

/**
 * Writes down the creates about to happen, before they are sent; returns the intent ids in order. One JSON parameter
 * per statement: thousands of bound values are slow to build and send.
 */
export async function recordIntents(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  sourceIds: string[],
): Promise<string[]> {
  if (!sourceIds.length) return [];
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`insert into coupling_intents (pair_id, mapping_name, direction, source_id, payload)
        select ${ctx.pairId}::uuid, ${mapping.name}, ${flow}::sync_direction, s.value, '{}'::jsonb from jsonb_array_elements_text(${JSON.stringify(sourceIds)}::jsonb) with ordinality as s(value, n)
        order by s.n returning id`,
  );
  crashPoint(`intents-written:${targetSide(flow)}`);
  return rows.map((row) => row.id);
}

export async function dropIntents(ctx: EngineContext, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    await queryRows(
      ctx.db,
      sql`delete from coupling_intents where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids.slice(i, i + 5000))}::jsonb))`,
    );
  }
}

/**
 * A run that died between sending creates and storing their couplings left intents behind. Each created record
 * carries its idempotency key, so the destination is asked for those keys: a record found is coupled to its source
 * (no second create); a key not found means the create never happened, or has not landed yet — then the next create
 * with the same key meets it (DUPLICATE) instead of making a second record. Runs under the mapping's lease.
 */
export async function recoverIntents(
  ctx: EngineContext,
  mapping: TableMapping,
): Promise<Partial<Record<Flow, number>>> {
  const intents = await ctx.db
    .select()
    .from(couplingIntents)
    .where(and(eq(couplingIntents.pairId, ctx.pairId), eq(couplingIntents.mappingName, mapping.name)));
  const recovered: Partial<Record<Flow, number>> = {};
  for (const flow of ["erp-to-crm", "crm-to-erp"] as const) {
    const mine = intents.filter((intent) => intent.direction === flow);
    if (mine.length)
      recovered[flow] = await couple(
        ctx,
        mapping,
        flow,
        mine.map((intent) => intent.sourceId),
      );
  }
  if (intents.length)
    await dropIntents(
      ctx,
      intents.map((intent) => intent.id),
    );
  return recovered;
}

async function couple(ctx: EngineContext, mapping: TableMapping, flow: Flow, sourceIds: string[]): Promise<number> {
  const from = sourceSide(flow);
  const into = targetSide(flow);
  // A destination that keeps no keys has nothing to look up: those creates cannot be found again.
  if ((await ctx.connectors[into].createKeys(mapping[into].entity)) === "none") return 0;
  const found = await ctx.connectors[into].findByKeys(
    mapping[into].entity,
    sourceIds.map((id) => creationKey(mapping.name, id)),
  );
  if (!found.size) return 0;
  const sourcesCoupled = await couplingsByIds(ctx.db, ctx.pairId, mapping.name, from, sourceIds);
  const created = sourceIds.flatMap((sourceId) => {
    const record = found.get(creationKey(mapping.name, sourceId));
    return record && !sourcesCoupled.has(sourceId.toLowerCase()) ? [{ sourceId, record }] : [];
  });
  const targetsCoupled = await couplingsByIds(
    ctx.db,
    ctx.pairId,
    mapping.name,
    into,
    created.map((c) => c.record.id),
  );
  // The destination is stamped as synced and the source is not: the next pass this way brings the record up to date,
  // and the opposite pass does not take the values the dead run wrote for a change.
  const rows = created
    .filter((c) => !targetsCoupled.has(c.record.id.toLowerCase()))
    .map(({ sourceId, record }): NewCoupling => {
      const stamp = { modifiedOn: record.modifiedOn, etag: record.etag };
      return into === "erp"
        ? {
            mappingName: mapping.name,
            erpId: record.id,
            crmId: sourceId,
            erpModifiedOn: stamp.modifiedOn,
            erpEtag: stamp.etag,
            crmModifiedOn: null,
          }
        : {
            mappingName: mapping.name,
            erpId: sourceId,
            crmId: record.id,
            crmModifiedOn: stamp.modifiedOn,
            crmEtag: stamp.etag,
            erpModifiedOn: null,
          };
    });
  return (await insertCouplings(ctx.db, ctx.pairId, rows)).size;
}
