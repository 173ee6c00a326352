import { and, eq, inArray } from "drizzle-orm";
import type { ConnectorRecord } from "@/lib/connectors/connector";
import { couplingIntents } from "@/db/schema";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { findEntity } from "@/lib/mapping/model/catalog";
import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { isBlank, sameValue } from "../decide/compare-values";
import { couplingsByIds, insertCouplings } from "./coupling-store";
import type { EngineContext } from "./engine-context";
import { readAll } from "./read-records";

/** Writes down the creates about to happen in a system that picks its own ids; returns the intent ids in order. */
export async function recordIntents(ctx: EngineContext, mapping: TableMapping, flow: Flow, creates: { sourceId: string; values: Record<string, unknown> }[]): Promise<string[]> {
  if (!creates.length) return [];
  const rows = await ctx.db
    .insert(couplingIntents)
    .values(creates.map((c) => ({ mappingName: mapping.name, direction: flow, sourceId: c.sourceId, payload: c.values })))
    .returning({ id: couplingIntents.id });
  return rows.map((row) => row.id);
}

export async function dropIntents(ctx: EngineContext, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) await ctx.db.delete(couplingIntents).where(inArray(couplingIntents.id, ids.slice(i, i + 1000)));
}

/** Text and number values of a payload that a query can match exactly: what finds the created record again. */
function identifyingFilter(values: Record<string, unknown>, fieldTypes: Map<string, string>): FilterAst | null {
  const terms = Object.entries(values)
    .filter(([name, value]) => ["string", "integer", "decimal", "enum"].includes(fieldTypes.get(name) ?? "") && !isBlank(value) && (typeof value === "string" || typeof value === "number"))
    .slice(0, 6)
    .map(([name, value]) => f.eq(name, value as string | number));
  return terms.length ? (terms.length === 1 ? terms[0]! : f.and(...terms)) : null;
}

/**
 * A run that died between "created" and "coupled" left intents behind. For each, look for an uncoupled destination
 * record holding exactly the intended values: found ⇒ couple it (no second create); not found ⇒ the create never
 * happened and the record is simply created again by this pass.
 */
export async function recoverIntents(ctx: EngineContext, mapping: TableMapping, flow: Flow): Promise<{ coupled: number }> {
  const intents = await ctx.db.select().from(couplingIntents).where(and(eq(couplingIntents.mappingName, mapping.name), eq(couplingIntents.direction, flow)));
  if (!intents.length) return { coupled: 0 };
  const into = targetSide(flow);
  const entity = findEntity(ctx.catalogs[into], mapping[into].entity);
  const types = new Map((entity?.fields ?? []).map((field) => [field.name, field.type as string]));
  const alreadyCoupled = await couplingsByIds(ctx.db, mapping.name, sourceSide(flow), intents.map((i) => i.sourceId));
  let coupled = 0;
  for (const intent of intents) {
    if (alreadyCoupled.has(intent.sourceId.toLowerCase())) continue;
    const filter = identifyingFilter(intent.payload, types);
    if (!filter) continue;
    const found: ConnectorRecord[] = (await readAll(ctx.connectors[into], { entity: mapping[into].entity, filter })).filter((record) =>
      Object.entries(intent.payload).every(([name, value]) => !types.has(name) || sameValue(record.values[name], value, entity?.fields.find((x) => x.name === name))),
    );
    const taken = await couplingsByIds(ctx.db, mapping.name, into, found.map((r) => r.id));
    const free = found.filter((r) => !taken.has(r.id.toLowerCase()));
    if (free.length !== 1) continue;
    const [erpId, crmId] = into === "erp" ? [free[0]!.id, intent.sourceId] : [intent.sourceId, free[0]!.id];
    // Timestamps stay empty: the next pass compares the records field by field and finishes what the dead run began.
    const inserted = await insertCouplings(ctx.db, [{ mappingName: mapping.name, erpId, crmId, erpModifiedOn: null, crmModifiedOn: null }]);
    coupled += inserted.size;
  }
  await dropIntents(ctx, intents.map((i) => i.id));
  return { coupled };
}
