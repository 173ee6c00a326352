import type { CatalogEntity, CatalogField } from "@/lib/mapping/model/catalog";
import type { StoredRecord } from "@/lib/sandbox/store/sandbox-store";

/** A stored value as the field's value on the record: columns for key and modified-on, data for the rest. */
export function rawValue(entity: CatalogEntity, field: CatalogField, record: StoredRecord): unknown {
  if (field.name === entity.key) return record.id;
  if (field.name === entity.modifiedOn) return record.modifiedAt.toISOString();
  if (field.name === "createdon") return record.createdAt.toISOString();
  if (field.name === "versionnumber") return record.version;
  return record.data[field.name] ?? null;
}

/** Columns the services maintain themselves: shown, never edited. */
export const SYSTEM_COLUMNS = new Set(["createdon", "modifiedon", "versionnumber", "lastModifiedDateTime"]);

/** How a value reads in a table cell: option labels, short ids, yes/no. */
export function displayValue(field: CatalogField, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field.type === "optionset" || field.type === "enum")
    return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === "boolean") return value ? "Yes" : "No";
  if (field.type === "lookup" || field.type === "guid") return `${String(value).slice(0, 8)}…`;
  if (field.type === "datetime") return String(value).replace("T", " ").slice(0, 19);
  return String(value);
}

/** The columns worth a glance: the name, then the first few plain fields that hold something on this page. */
export function summaryFields(entity: CatalogEntity, records: StoredRecord[], nameField?: string): CatalogField[] {
  const primary = entity.fields.find((f) => f.name === (nameField ?? entity.primaryName));
  const filled = (f: CatalogField) =>
    records.some((r) => r.data[f.name] !== undefined && r.data[f.name] !== null && r.data[f.name] !== "");
  const plain = entity.fields
    .filter(
      (f) =>
        f !== primary &&
        f.name !== entity.key &&
        !SYSTEM_COLUMNS.has(f.name) &&
        ["string", "enum", "optionset", "decimal", "boolean", "date"].includes(f.type) &&
        filled(f),
    )
    .slice(0, 4);
  return [...(primary ? [primary] : []), ...plain];
}
