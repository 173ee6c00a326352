import type { CatalogEntity, CatalogField, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { wantsAnnotation, type Preferences } from "../odata/prefer";
import type { StoredRecord } from "../store/sandbox-store";

export const FORMATTED = "OData.Community.Display.V1.FormattedValue";
export const LOOKUP_LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";

/** Dataverse's date-times carry whole seconds. */
export function dataverseDateTime(value: Date | string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const etagOf = (record: StoredRecord) => `W/"${record.version}"`;

/** The wire name of a field: lookups are read as _<name>_value. */
export const wireName = (field: CatalogField) => (field.type === "lookup" ? `_${field.name}_value` : field.name);

function columnValue(entity: CatalogEntity, field: CatalogField, record: StoredRecord): unknown {
  if (field.name === entity.key) return record.id;
  if (field.name === entity.modifiedOn) return dataverseDateTime(record.modifiedAt);
  if (field.name === "createdon") return dataverseDateTime(record.createdAt);
  if (field.name === "versionnumber") return record.version;
  if (field.name === "modifiedby") return record.modifiedBy;
  const value = record.data[field.name];
  if (value === undefined || value === null) return null;
  return field.type === "datetime" ? dataverseDateTime(String(value)) : value;
}

/**
 * One row as the Web API returns it: ETag, selected columns, lookups as _x_value, annotations when asked. `head`
 * comes first (e.g. @odata.context): spreading a finished row into another object costs more than building it.
 */
export function serializeRecord(
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  record: StoredRecord,
  select: Set<string> | undefined,
  preferences: Preferences,
  head: Record<string, unknown> = {},
): Record<string, unknown> {
  const row: Record<string, unknown> = { ...head, "@odata.etag": etagOf(record) };
  const formatted = wantsAnnotation(preferences, FORMATTED);
  const logicalNames = wantsAnnotation(preferences, LOOKUP_LOGICAL_NAME);
  for (const field of entity.fields) {
    if (select && !select.has(field.name) && field.name !== entity.key) continue;
    const value = columnValue(entity, field, record);
    const name = wireName(field);
    if (formatted && value !== null) {
      if (field.type === "optionset") {
        const label = field.options?.find((o) => o.value === value)?.label;
        if (label) row[`${name}@${FORMATTED}`] = label;
      } else if (field.type === "boolean") row[`${name}@${FORMATTED}`] = value ? "Yes" : "No";
    }
    if (logicalNames && field.type === "lookup" && value !== null) {
      const target =
        (record.data[`${field.name}@target`] as string | undefined) ??
        (field.name === "modifiedby" ? "systemusers" : field.lookupTargets?.[0]);
      const logical = catalog.entities.find((e) => e.name === target)?.logicalName;
      if (logical) row[`${name}@${LOOKUP_LOGICAL_NAME}`] = logical;
    }
    row[name] = value;
  }
  return row;
}
