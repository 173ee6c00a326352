import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { findField } from "@/lib/mapping/model/catalog";
import { carries, sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { RecordError } from "../model/sync-error-codes";
import { sameValue } from "./compare-values";
import { fieldValue } from "./field-value";
import type { LookupResolver } from "./lookup-outcome";

/** One destination field a transfer would change: what it holds, what it would hold, and whether the pair is two-way. */
export type FieldChange = {
  field: string;
  sourceField: string | null;
  before: unknown;
  after: unknown;
  bidirectional: boolean;
};

export type Transfer =
  | { ok: true; values: Record<string, unknown>; changes: FieldChange[] }
  | { ok: false; error: RecordError; attempted: Record<string, unknown> };

export type TransferInput = {
  mapping: TableMapping;
  flow: Flow;
  source: Record<string, unknown>;
  /** The destination's current values; null when the record is to be created. */
  destination: Record<string, unknown> | null;
  lookups: LookupResolver;
  /** The destination entity, for field types (comparison, lengths). */
  target?: CatalogEntity;
};

/**
 * BC's TransferFields (§4.6) for one record and flow. On a create every carried field is written (with the mapping's
 * defaults on create underneath); on an update only fields whose value would change, so equal records stay
 * untouched and a change confined to one-way fields never counts as a bidirectional one.
 */
export async function transferFields(input: TransferInput): Promise<Transfer> {
  const { mapping, flow, source, destination, lookups, target } = input;
  const creating = destination === null;
  const values: Record<string, unknown> = creating ? { ...(mapping.defaultsOnCreate?.[targetSide(flow)] ?? {}) } : {};
  const changes: FieldChange[] = [];
  for (const field of mapping.fields) {
    const into = field[targetSide(flow)];
    if (!field.enabled || !into || !carries(field.direction, flow)) continue;
    if (field.constant === undefined && !field[sourceSide(flow)]) continue;
    if (field.createOnly && !creating) continue;
    const catalogField = findField(target, into);
    const outcome = await fieldValue(field, flow, source, lookups, catalogField);
    if (outcome.kind === "error") return { ok: false, error: outcome.error, attempted: values };
    if (outcome.kind === "skip") continue;
    const before = creating ? null : destination[into];
    if (!creating && sameValue(before, outcome.value, catalogField)) continue;
    values[into] = outcome.value;
    changes.push({
      field: into,
      sourceField: field[sourceSide(flow)] ?? null,
      before,
      after: outcome.value,
      bidirectional: field.direction === "bidirectional",
    });
  }
  return { ok: true, values, changes };
}
