import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { CatalogField } from "@/lib/mapping/model/catalog";
import type { FieldMapping } from "@/lib/mapping/model/table-mapping";
import { applyTransforms } from "@/lib/mapping/transform/apply-transforms";
import { TransformError } from "@/lib/mapping/transform/transform-error";
import type { RecordError } from "../model/sync-error-codes";
import { isBlank, sameValue } from "./compare-values";
import type { LookupResolver } from "./lookup-outcome";

/** One field's value for the destination: write it, leave the field alone, or fail the record. */
export type FieldValue = { kind: "write"; value: unknown } | { kind: "skip" } | { kind: "error"; error: RecordError };

function fieldLabel(field: FieldMapping, flow: Flow): string {
  const from = field[sourceSide(flow)] ?? "constant";
  return `${from} → ${field[targetSide(flow)]}`;
}

/** Value maps hold [erp, crm] pairs; the crm→erp flow reads them backwards. */
function mapValue(field: FieldMapping, flow: Flow, value: unknown, target: CatalogField | undefined): FieldValue {
  const map = field.valueMap!;
  if (isBlank(value)) return { kind: "write", value: null };
  const [from, to] = flow === "erp-to-crm" ? [0, 1] : [1, 0];
  const pair = map.pairs.find((p) => sameValue(p[from], value));
  if (pair) return { kind: "write", value: pair[to] };
  // The seed's rule: a value with no counterpart leaves the field blank — also on an update, where keeping the old
  // option would show a value the source no longer has — and does not fail the record.
  if (map.onMissing === "blank") return { kind: "write", value: null };
  return {
    kind: "error",
    error: {
      code: "VALUE_NOT_MAPPED",
      field: destinationField(field, flow),
      message: `The value "${String(value)}" of ${fieldLabel(field, flow)} has no pair in the value map${target ? ` of ${target.name}` : ""}.`,
    },
  };
}

const destinationField = (field: FieldMapping, flow: Flow): string | undefined =>
  (flow === "erp-to-crm" ? field.crm : field.erp) ?? undefined;

function lookupValue(field: FieldMapping, flow: Flow, value: unknown, lookups: LookupResolver): FieldValue {
  const lookup = field.lookup!;
  // Blank values go through the resolver too: a rule may say what a blank stands for (the local currency).
  const outcome = lookups.resolve(field, flow, value);
  if (outcome.kind === "value") return { kind: "write", value: outcome.value };
  if (outcome.kind === "not-coupled" && !lookup.clearOnFailed)
    return {
      kind: "error",
      error: { code: "LOOKUP_NOT_COUPLED", message: outcome.message, field: destinationField(field, flow) },
    };
  // Blank, or not coupled with clear-on-failed: a blank reference, unless Not Null keeps the destination's value.
  return lookup.notNull ? { kind: "skip" } : { kind: "write", value: null };
}

/**
 * The value one field mapping gives the destination in a flow: the constant or the source value, through its
 * transforms (when they apply to this flow), its value map and its lookup, in that order.
 */
export async function fieldValue(
  field: FieldMapping,
  flow: Flow,
  source: Record<string, unknown>,
  lookups: LookupResolver,
  target: CatalogField | undefined,
): Promise<FieldValue> {
  let value = field.constant !== undefined ? field.constant : source[field[sourceSide(flow)]!];
  if (field.transforms?.length && (!field.transformFlow || field.transformFlow === flow)) {
    try {
      value = await applyTransforms(value, field.transforms, { record: source, targetMaxLength: target?.maxLength });
    } catch (error) {
      if (!(error instanceof TransformError)) throw error;
      return {
        kind: "error",
        error: {
          code: "TRANSFORM_FAILED",
          field: destinationField(field, flow),
          message: `${fieldLabel(field, flow)}: ${error.message}`,
          detail: error.transform,
        },
      };
    }
  }
  if (field.valueMap) return mapValue(field, flow, value, target);
  if (field.lookup) return lookupValue(field, flow, value, lookups);
  return { kind: "write", value: value === undefined ? null : value };
}
