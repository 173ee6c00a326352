import { canonicalJson } from "../compile/canonical-json";
import { toODataFilter } from "../filter/odata-filter";
import type { MappingModel, RuntimeConfig } from "../model/runtime-config";
import type { FieldMapping, TableMapping } from "../model/table-mapping";

export type ChangeKind = "added" | "removed" | "changed";
export type ChangeArea = "mapping" | "setting" | "filter" | "field" | "transform" | "value-map" | "lookup";

/** One semantic change between two versions, worded for people: what, where, before → after. */
export type ConfigChange = {
  kind: ChangeKind;
  area: ChangeArea;
  mapping: string;
  /** The field pair (`erp ↔ crm`), the setting name or the filter side. */
  subject?: string;
  before?: string;
  after?: string;
};

export type ConfigDiff = { changes: ConfigChange[]; mappingsTouched: string[] };

type Mappings = Pick<MappingModel | RuntimeConfig, "mappings">;

const SETTINGS = [
  "direction",
  "syncOnlyCoupled",
  "dependsOn",
  "parent",
  "conflicts",
  "match",
  "defaultsOnCreate",
  "schedule",
] as const;
const show = (value: unknown): string =>
  value === undefined ? "—" : typeof value === "string" ? value : canonicalJson(value);

/** A field mapping's identity across versions: its field pair (a constant is named by the field it writes). */
export function fieldPairLabel(field: Pick<FieldMapping, "erp" | "crm" | "constant">): string {
  if (field.erp && field.crm) return `${field.erp} ↔ ${field.crm}`;
  return `${show(field.constant ?? null)} → ${field.erp ?? field.crm ?? "?"}`;
}

function filterText(mapping: TableMapping, side: "erp" | "crm"): string | undefined {
  const filter = mapping[side].filter;
  if (!filter) return undefined;
  try {
    return toODataFilter(filter, { dialect: side === "erp" ? "business-central" : "dataverse" });
  } catch {
    return canonicalJson(filter);
  }
}

function diffField(mapping: string, subject: string, before: FieldMapping, after: FieldMapping): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const compare = (area: ChangeArea, a: unknown, b: unknown, label = subject) => {
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) {
      changes.push({
        kind: a === undefined ? "added" : b === undefined ? "removed" : "changed",
        area,
        mapping,
        subject: label,
        before: a === undefined ? undefined : show(a),
        after: b === undefined ? undefined : show(b),
      });
    }
  };
  compare("field", before.direction, after.direction, `${subject}: direction`);
  compare("field", before.enabled, after.enabled, `${subject}: enabled`);
  compare("field", before.createOnly, after.createOnly, `${subject}: create only`);
  compare("field", before.constant, after.constant, `${subject}: constant`);
  compare(
    "transform",
    before.transforms?.length ? before.transforms : undefined,
    after.transforms?.length ? after.transforms : undefined,
  );
  compare("transform", before.transformFlow, after.transformFlow, `${subject}: transform direction`);
  compare("value-map", before.valueMap, after.valueMap);
  compare("lookup", before.lookup, after.lookup);
  return changes;
}

function diffMapping(before: TableMapping, after: TableMapping): ConfigChange[] {
  const name = after.name;
  const changes: ConfigChange[] = [];
  for (const side of ["erp", "crm"] as const) {
    if (before[side].entity !== after[side].entity)
      changes.push({
        kind: "changed",
        area: "mapping",
        mapping: name,
        subject: `${side} entity`,
        before: before[side].entity,
        after: after[side].entity,
      });
    const [a, b] = [filterText(before, side), filterText(after, side)];
    if (a !== b)
      changes.push({
        kind: a === undefined ? "added" : b === undefined ? "removed" : "changed",
        area: "filter",
        mapping: name,
        subject: `${side.toUpperCase()} filter`,
        before: a,
        after: b,
      });
  }
  for (const setting of SETTINGS) {
    const [a, b] = [before[setting], after[setting]];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null))
      changes.push({
        kind: "changed",
        area: "setting",
        mapping: name,
        subject: setting,
        before: show(a),
        after: show(b),
      });
  }
  const fieldsBefore = new Map(before.fields.map((f) => [fieldPairLabel(f), f]));
  const fieldsAfter = new Map(after.fields.map((f) => [fieldPairLabel(f), f]));
  for (const [label, field] of fieldsAfter) {
    const old = fieldsBefore.get(label);
    if (!old) changes.push({ kind: "added", area: "field", mapping: name, subject: label, after: field.direction });
    else changes.push(...diffField(name, label, old, field));
  }
  for (const [label, field] of fieldsBefore) {
    if (!fieldsAfter.has(label))
      changes.push({ kind: "removed", area: "field", mapping: name, subject: label, before: field.direction });
  }
  return changes;
}

/**
 * What publishing `next` would change against `previous`, mapping by mapping: mappings, settings, filters, fields,
 * transforms, value maps and lookups added, removed or changed. Order follows `next`, then what it dropped.
 * @example diffConfigs({ mappings: [] }, config).changes[0] // { kind: "added", area: "mapping", mapping: "CUSTOMER" }
 */
export function diffConfigs(previous: Mappings | null, next: Mappings): ConfigDiff {
  const before = new Map((previous?.mappings ?? []).map((m) => [m.name, m]));
  const changes: ConfigChange[] = [];
  for (const mapping of next.mappings) {
    const old = before.get(mapping.name);
    if (!old)
      changes.push({
        kind: "added",
        area: "mapping",
        mapping: mapping.name,
        subject: `${mapping.erp.entity} ↔ ${mapping.crm.entity}`,
        after: `${mapping.fields.length} fields`,
      });
    else changes.push(...diffMapping(old, mapping));
  }
  const names = new Set(next.mappings.map((m) => m.name));
  for (const mapping of previous?.mappings ?? []) {
    if (!names.has(mapping.name))
      changes.push({
        kind: "removed",
        area: "mapping",
        mapping: mapping.name,
        subject: `${mapping.erp.entity} ↔ ${mapping.crm.entity}`,
        before: `${mapping.fields.length} fields`,
      });
  }
  return { changes, mappingsTouched: [...new Set(changes.map((c) => c.mapping))] };
}
