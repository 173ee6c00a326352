import type { CatalogEntity, CatalogField } from "@/lib/mapping/model/catalog";
import type { StoredRecord } from "../store/sandbox-store";

/** Opaque like Business Central's: base64 of a version string, wrapped as a weak ETag. */
export const bcEtag = (record: StoredRecord) =>
  `W/"${Buffer.from(`'${record.version};${record.id.slice(0, 8)};'`).toString("base64")}"`;

/** `head` comes first (e.g. @odata.context): spreading a finished row into another object costs more than building it. */
export function serializeBcRecord(
  entity: CatalogEntity,
  record: StoredRecord,
  select?: Set<string>,
  head: Record<string, unknown> = {},
): Record<string, unknown> {
  const row: Record<string, unknown> = { ...head, "@odata.etag": bcEtag(record) };
  for (const field of entity.fields) {
    if (select && !select.has(field.name) && field.name !== entity.key) continue;
    if (field.name === entity.key) row[field.name] = record.id;
    else if (field.name === entity.modifiedOn) row[field.name] = record.modifiedAt.toISOString();
    else row[field.name] = record.data[field.name] ?? blankValue(field);
  }
  return row;
}

export const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

/** Business Central never returns null: a blank is "", 0, false, the empty GUID, 0001-01-01 or the first enum member. */
function blankValue(field: CatalogField): unknown {
  switch (field.type) {
    case "enum":
      return String(field.options?.[0]?.value ?? "");
    case "integer":
    case "decimal":
    case "optionset":
      return 0;
    case "boolean":
      return false;
    case "guid":
    case "lookup":
      return EMPTY_GUID;
    case "date":
      return "0001-01-01";
    case "datetime":
      return "0001-01-01T00:00:00Z";
    default:
      return "";
  }
}
