import { findEntity } from "@/lib/mapping/model/catalog";
import { targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { WriteOperation, WriteResult } from "@/lib/connectors/connector";
import { sameValue } from "../decide/compare-values";
import type { RecordError } from "../model/sync-error-codes";
import { recordIntents } from "./coupling-intents";
import { crashPoint } from "./crash-points";
import { creationKey } from "./creation-key";
import type { EngineContext } from "./engine-context";
import { isolatedWrite } from "./isolated-write";
import type { PlannedRecord } from "./plan-page";
import { writeError } from "./write-errors";

export type CreateOutcome =
  { ok: true; id: string; modifiedOn: string | null; etag: string | null } | { ok: false; error: RecordError };
type Insert = PlannedRecord & { plan: { action: "insert" } };

const failed = (result: WriteResult & { ok: false }): CreateOutcome => ({ ok: false, error: writeError(result) });

/**
 * Creates records in the destination. Each create carries an idempotency key made from the mapping and its source
 * record, which the connector puts in the created record (see WriteOperation.key). The creates are written down as
 * intents first, so a run that dies before storing the couplings is recovered by key (coupling-intents.ts); a create
 * that meets its own earlier record (DUPLICATE) brings that record up to date instead of making a second one. The
 * caller drops the intents once the couplings are stored.
 */
export async function writeCreates(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  inserts: Insert[],
): Promise<{ outcomes: CreateOutcome[]; intents: string[] }> {
  if (!inserts.length) return { outcomes: [], intents: [] };
  const into = targetSide(flow);
  const intents = await recordIntents(
    ctx,
    mapping,
    flow,
    inserts.map((i) => i.record.source.id),
  );
  const operations: WriteOperation[] = inserts.map((item, index) => ({
    kind: "create",
    key: creationKey(mapping.name, item.record.source.id),
    values: item.plan.values,
    ref: String(index),
  }));
  const results = await isolatedWrite(ctx.connectors[into], mapping[into].entity, operations);
  crashPoint(`answered:${into}`);
  const outcomes: CreateOutcome[] = results.map((result) =>
    result.ok ? { ok: true, id: result.id, modifiedOn: result.modifiedOn, etag: result.etag } : failed(result),
  );
  const repeated = results.flatMap((result, index) => (!result.ok && result.error.code === "DUPLICATE" ? [index] : []));
  if (repeated.length) await finishRepeated(ctx, mapping, flow, inserts, operations, repeated, outcomes);
  return { outcomes, intents };
}

/** Creates that met their own earlier record: update it where it differs and take it as created. */
async function finishRepeated(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  inserts: Insert[],
  operations: WriteOperation[],
  repeated: number[],
  outcomes: CreateOutcome[],
): Promise<void> {
  const into = targetSide(flow);
  const entity = findEntity(ctx.catalogs[into], mapping[into].entity);
  const existing = await ctx.connectors[into].findByKeys(
    mapping[into].entity,
    repeated.map((i) => operations[i]!.key!),
  );
  const updates: { index: number; operation: WriteOperation }[] = [];
  for (const index of repeated) {
    const record = existing.get(operations[index]!.key!);
    if (!record) continue;
    const values = Object.fromEntries(
      Object.entries(inserts[index]!.plan.values).filter(
        ([name, value]) =>
          !sameValue(
            record.values[name],
            value,
            entity?.fields.find((f) => f.name === name),
          ),
      ),
    );
    if (!Object.keys(values).length)
      outcomes[index] = { ok: true, id: record.id, modifiedOn: record.modifiedOn, etag: record.etag };
    else updates.push({ index, operation: { kind: "update", id: record.id, values, etag: record.etag } });
  }
  if (!updates.length) return;
  const results = await isolatedWrite(
    ctx.connectors[into],
    mapping[into].entity,
    updates.map((u) => u.operation),
  );
  results.forEach(
    (result, i) =>
      (outcomes[updates[i]!.index] = result.ok
        ? { ok: true, id: result.id, modifiedOn: result.modifiedOn, etag: result.etag }
        : failed(result)),
  );
}
