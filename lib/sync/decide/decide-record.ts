import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { RecordCase, RecordPlan } from "../model/record-plan";
import { changedSinceLastSync } from "./change-detection";
import { sameValue } from "./compare-values";
import { decideDeletionConflict } from "./deletion-conflict";
import type { LookupResolver } from "./lookup-outcome";
import { transferFields } from "./transfer-fields";
import { decideUpdateConflict } from "./update-conflict";

export type DecideOptions = {
  /** One-off work: write even when the source did not change (BC's ForceModify). */
  force?: boolean;
  /** Create and couple uncoupled source records even when the mapping syncs only coupled ones (full sync, create-in). */
  createUncoupled?: boolean;
  /** Values a rule adds to the destination (owner, parent, price list…), or an error a rule raises. */
  extra?: {
    values?: Record<string, unknown>;
    createOnly?: Record<string, unknown>;
    error?: RecordPlan & { action: "fail" };
  };
};

export type DecideInput = {
  mapping: TableMapping;
  flow: Flow;
  record: RecordCase;
  lookups: LookupResolver;
  target?: CatalogEntity;
  /** The destination system's name for messages (its connector's display name); the side's role without one. */
  destinationName?: string;
  options?: DecideOptions;
};

const other = (flow: Flow): Flow => (flow === "erp-to-crm" ? "crm-to-erp" : "erp-to-crm");

/** BC's SynchRecord (§4.4) for one source record: skip, unchanged, insert, modify, a conflict, or a failure. */
export async function decideRecord(input: DecideInput): Promise<RecordPlan> {
  const { mapping, flow, record, lookups, target, destinationName, options = {} } = input;
  const { coupling } = record;
  if (coupling?.skipped) return { action: "skip", reason: "The coupling is marked skipped until someone restores it." };
  if (coupling && record.destinationMissing)
    return decideDeletionConflict(mapping, flow, record, () => create(input), destinationName);
  if (!coupling) {
    if (mapping.syncOnlyCoupled && !options.createUncoupled)
      return { action: "ignore", reason: "Not coupled, and the mapping syncs coupled records only." };
    if (options.extra?.error) return options.extra.error;
    return create(input);
  }
  const sourceChanged = options.force || record.retry || changedSinceLastSync(record.source, coupling, flow);
  if (!sourceChanged) return { action: "unchanged", bothModified: false };
  const bothModified =
    !options.force &&
    mapping.direction === "bidirectional" &&
    record.destination !== null &&
    changedSinceLastSync(record.destination, coupling, other(flow));
  if (options.extra?.error) return options.extra.error;
  const transfer = await transferFields({
    mapping,
    flow,
    source: record.source.values,
    destination: record.destination?.values ?? {},
    lookups,
    target,
  });
  if (!transfer.ok) return { action: "fail", error: transfer.error, attempted: transfer.attempted };
  const extra = withoutEqual(options.extra?.values ?? {}, record.destination?.values ?? {});
  const values = { ...transfer.values, ...extra };
  const changes = [
    ...transfer.changes,
    ...Object.entries(extra).map(([field, after]) => ({
      field,
      sourceField: null,
      before: record.destination?.values[field] ?? null,
      after,
      bidirectional: false,
    })),
  ];
  if (bothModified && changes.some((change) => change.bidirectional))
    return decideUpdateConflict(mapping, flow, changes, values);
  if (changes.length === 0) return { action: "unchanged", bothModified };
  return { action: "modify", values, changes, bothModified };
}

function withoutEqual(extra: Record<string, unknown>, destination: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extra).filter(([field, value]) => !sameValue(destination[field], value)));
}

async function create(input: DecideInput): Promise<RecordPlan> {
  const { mapping, flow, record, lookups, target, options = {} } = input;
  const transfer = await transferFields({
    mapping,
    flow,
    source: record.source.values,
    destination: null,
    lookups,
    target,
  });
  if (!transfer.ok) return { action: "fail", error: transfer.error, attempted: transfer.attempted };
  const values = { ...transfer.values, ...(options.extra?.createOnly ?? {}), ...(options.extra?.values ?? {}) };
  return { action: "insert", values, changes: transfer.changes };
}
