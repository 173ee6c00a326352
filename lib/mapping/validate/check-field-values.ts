import type { CatalogField } from "../model/catalog";
import { flowsOf } from "../model/direction";
import type { JsonValue } from "../model/json-value";
import type { FieldMapping } from "../model/table-mapping";
import type { DiagnosticLocation } from "./diagnostic";
import type { ValidationContext } from "./validation-context";

const sameValue = (a: JsonValue, option: { value: string | number; label: string }) =>
  a === option.value || a === option.label;

/** Option sets ↔ code tables: every pair uses real values, sources are covered, bidirectional maps read backwards. */
export function checkValueMap(
  ctx: ValidationContext,
  field: FieldMapping,
  erp: CatalogField | undefined,
  crm: CatalogField | undefined,
  where: DiagnosticLocation,
): void {
  const valueMap = field.valueMap!;
  const sides = [
    { name: "ERP", field: erp, index: 0 as const },
    { name: "CRM", field: crm, index: 1 as const },
  ];
  for (const side of sides) {
    const options = side.field?.options;
    if (!options?.length) continue;
    const unknown = valueMap.pairs
      .map((pair) => pair[side.index])
      .filter((value) => value !== null && !options.some((o) => sameValue(value, o)));
    if (unknown.length) {
      ctx.report(
        "VALUE_MAP_UNKNOWN_VALUE",
        `${side.name} field ${side.field!.name} has no option ${unknown.map((v) => JSON.stringify(v)).join(", ")}`,
        where,
      );
    }
  }
  for (const flow of flowsOf(field.direction)) {
    const source = flow === "erp-to-crm" ? sides[0]! : sides[1]!;
    const options = source.field?.options;
    if (!options?.length) continue;
    const missing = options.filter((o) => !valueMap.pairs.some((pair) => sameValue(pair[source.index], o)));
    if (missing.length) {
      ctx.report(
        "VALUE_MAP_MISSING_VALUES",
        `No pair for ${source.name} value${missing.length > 1 ? "s" : ""} ${missing.map((o) => `"${o.label}"`).join(", ")}; ${valueMap.onMissing === "fail" ? "those records will fail" : "the field is left blank for them"}`,
        where,
      );
    }
  }
  for (const side of sides) {
    const values = valueMap.pairs.map((pair) => JSON.stringify(pair[side.index]));
    const repeated = values.find((value, i) => values.indexOf(value) !== i);
    if (!repeated) continue;
    const isSource = flowsOf(field.direction).some((flow) =>
      flow === "erp-to-crm" ? side.index === 0 : side.index === 1,
    );
    if (field.direction === "bidirectional")
      ctx.report(
        "VALUE_MAP_NOT_REVERSIBLE",
        `${side.name} value ${repeated} appears in more than one pair, so the bidirectional map cannot be read back`,
        where,
      );
    else if (isSource)
      ctx.report(
        "VALUE_MAP_AMBIGUOUS",
        `${side.name} value ${repeated} is paired with more than one value; which one should be written?`,
        where,
      );
  }
}

/** Lookups translate references through another mapping's couplings: the fields must be references to its entities. */
export function checkLookup(
  ctx: ValidationContext,
  field: FieldMapping,
  erp: CatalogField | undefined,
  crm: CatalogField | undefined,
  where: DiagnosticLocation,
): void {
  const lookup = field.lookup!;
  if (lookup.clearOnFailed && lookup.notNull) {
    ctx.report(
      "INVALID_SETTING",
      "A lookup cannot both clear the value when the reference is not coupled and refuse to write a blank; pick one",
      where,
    );
  }
  const referenced = ctx.byName.get(lookup.mapping);
  if (erp) {
    const erpOk = lookup.erpKey
      ? ["string", "text", "enum", "integer", "guid"].includes(erp.type)
      : erp.type === "lookup" || erp.type === "guid";
    if (!erpOk)
      ctx.report(
        "TYPE_MISMATCH",
        `ERP field ${erp.name} (${erp.type}) cannot hold a reference${lookup.erpKey ? "" : "; set the lookup's ERP key if it holds a code"}`,
        where,
      );
  }
  const referencedCrm = referenced ? ctx.entity(referenced, "crm") : undefined;
  if (crm) {
    const optionTarget = referencedCrm?.kind === "optionset";
    const crmOk = optionTarget ? crm.type === "optionset" : crm.type === "lookup" || crm.type === "guid";
    if (!crmOk)
      ctx.report(
        "TYPE_MISMATCH",
        `CRM field ${crm.name} (${crm.type}) cannot hold a reference to ${referenced?.crm.entity ?? lookup.mapping}`,
        where,
      );
  }
  if (!referenced) return;
  if (crm?.lookupTargets && !crm.lookupTargets.includes(referenced.crm.entity)) {
    ctx.report(
      "LOOKUP_TARGET_MISMATCH",
      `CRM field ${crm.name} points to ${crm.lookupTargets.join(" or ")}, but ${referenced.name} syncs ${referenced.crm.entity}`,
      where,
    );
  }
  if (!lookup.erpKey && erp?.lookupTargets && !erp.lookupTargets.includes(referenced.erp.entity)) {
    ctx.report(
      "LOOKUP_TARGET_MISMATCH",
      `ERP field ${erp.name} points to ${erp.lookupTargets.join(" or ")}, but ${referenced.name} syncs ${referenced.erp.entity}`,
      where,
    );
  }
  const referencedErp = ctx.entity(referenced, "erp");
  if (lookup.erpKey && referencedErp && !referencedErp.fields.some((f) => f.name === lookup.erpKey)) {
    ctx.report("UNKNOWN_FIELD", `${referencedErp.name} has no field "${lookup.erpKey}" (the lookup's ERP key)`, where);
  }
}
