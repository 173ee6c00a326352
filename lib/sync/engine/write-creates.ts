import { findEntity } from "@/lib/mapping/model/catalog";
import { targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { WriteOperation, WriteResult } from "@/lib/connectors/connector";
import { sameValue } from "../decide/compare-values";
import type { RecordError } from "../model/sync-error-codes";
import { recordIntents } from "./coupling-intents";
import { createdRecordId } from "./deterministic-id";
import type { EngineContext } from "./engine-context";
import type { PlannedRecord } from "./plan-page";

export type CreateOutcome = { ok: true; id: string; modifiedOn: string | null; etag: string | null } | { ok: false; error: RecordError };
type Insert = PlannedRecord & { plan: { action: "insert" } };

const DUPLICATE = "0x80040237";
const failed = (result: WriteResult & { ok: false }): CreateOutcome => ({ ok: false, error: { code: "WRITE_FAILED", message: result.error.message, detail: result.error.status ? `HTTP ${result.error.status}${result.error.serviceCode ? `, service code ${result.error.serviceCode}` : ""}` : undefined } });

/**
 * Creates records in the destination. Dataverse takes the ids we give, so each gets one derived from its source: a
 * repeated create (after a crash, or a timeout that did reach the service) finds the record it made, which is then
 * brought up to date instead of duplicated. Business Central picks its own ids, so creates there are written down
 * as intents first (see coupling-intents.ts); the caller drops them once the couplings are stored.
 */
export async function writeCreates(ctx: EngineContext, mapping: TableMapping, flow: Flow, inserts: Insert[]): Promise<{ outcomes: CreateOutcome[]; intents: string[] }> {
  if (!inserts.length) return { outcomes: [], intents: [] };
  const into = targetSide(flow);
  const entity = mapping[into].entity;
  const optionSet = findEntity(ctx.catalogs[into], entity)?.kind === "optionset";
  const givesIds = into === "crm" && !optionSet;
  const intents = into === "erp" ? await recordIntents(ctx, mapping, flow, inserts.map((i) => ({ sourceId: i.record.source.id, values: i.plan.values }))) : [];
  const operations: WriteOperation[] = inserts.map((item, index) => ({
    kind: "create",
    ...(givesIds ? { id: createdRecordId(mapping.name, item.record.source.id) } : {}),
    values: item.plan.values,
    ref: String(index),
  }));
  const results = await ctx.connectors[into].write(entity, operations);
  const outcomes: CreateOutcome[] = results.map((result) => (result.ok ? { ok: true, id: result.id, modifiedOn: result.modifiedOn, etag: result.etag } : failed(result)));
  const repeated = results.flatMap((result, index) => (!result.ok && givesIds && (result.error.serviceCode === DUPLICATE || result.error.status === 412) ? [index] : []));
  if (repeated.length) await finishRepeated(ctx, mapping, flow, inserts, operations, repeated, outcomes);
  return { outcomes, intents };
}

/** Creates that met their own earlier record: update it where it differs and take it as created. */
async function finishRepeated(ctx: EngineContext, mapping: TableMapping, flow: Flow, inserts: Insert[], operations: WriteOperation[], repeated: number[], outcomes: CreateOutcome[]): Promise<void> {
  const into = targetSide(flow);
  const entity = findEntity(ctx.catalogs[into], mapping[into].entity);
  const existing = new Map((await ctx.connectors[into].readByIds(mapping[into].entity, repeated.map((i) => operations[i]!.id!))).map((r) => [r.id.toLowerCase(), r]));
  const updates: { index: number; operation: WriteOperation }[] = [];
  for (const index of repeated) {
    const record = existing.get(operations[index]!.id!.toLowerCase());
    if (!record) continue;
    const values = Object.fromEntries(Object.entries(inserts[index]!.plan.values).filter(([name, value]) => !sameValue(record.values[name], value, entity?.fields.find((f) => f.name === name))));
    if (!Object.keys(values).length) outcomes[index] = { ok: true, id: record.id, modifiedOn: record.modifiedOn, etag: record.etag };
    else updates.push({ index, operation: { kind: "update", id: record.id, values, etag: record.etag } });
  }
  if (!updates.length) return;
  const results = await ctx.connectors[into].write(mapping[into].entity, updates.map((u) => u.operation));
  results.forEach((result, i) => (outcomes[updates[i]!.index] = result.ok ? { ok: true, id: result.id, modifiedOn: result.modifiedOn, etag: result.etag } : failed(result)));
}
