import type { CatalogField } from "@/lib/mapping/model/catalog";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Blank the way both systems mean it: no value, an empty text, or a lookup without an id. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.length === 0;
  if (typeof value === "object" && "id" in (value as object)) return isBlank((value as { id: unknown }).id);
  return false;
}

/** A lookup reference's id, from a LookupValue or a bare id. */
export function referenceId(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "object" && value !== null && "id" in value)
    return String((value as { id: unknown }).id).toLowerCase();
  return String(value).toLowerCase();
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

function asInstant(value: unknown): number | null {
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? null : time;
}

/**
 * Whether writing `incoming` into a field that holds `current` would change it, compared the way the field is typed:
 * numbers numerically, instants as instants, dates by calendar day, GUIDs and lookups without case, and text that is
 * longer than the field on its prefix (the write would cut it anyway; BC's TransferField does the same).
 */
export function sameValue(current: unknown, incoming: unknown, field?: CatalogField): boolean {
  if (isBlank(current) || isBlank(incoming)) return isBlank(current) && isBlank(incoming);
  switch (field?.type) {
    case "lookup":
    case "guid":
      return referenceId(current) === referenceId(incoming);
    case "integer":
    case "decimal":
    case "optionset": {
      const a = asNumber(current);
      const b = asNumber(incoming);
      return a !== null && b !== null
        ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
        : String(current) === String(incoming);
    }
    case "boolean":
      return Boolean(asNumber(current)) === Boolean(asNumber(incoming));
    case "date":
      return String(current).slice(0, 10) === String(incoming).slice(0, 10);
    case "datetime": {
      const a = asInstant(current);
      const b = asInstant(incoming);
      return a !== null && b !== null ? a === b : String(current) === String(incoming);
    }
    default:
      break;
  }
  if (typeof current === "object" || typeof incoming === "object")
    return referenceId(current) === referenceId(incoming);
  if (
    typeof current === "number" ||
    typeof incoming === "number" ||
    typeof current === "boolean" ||
    typeof incoming === "boolean"
  ) {
    const a = asNumber(current);
    const b = asNumber(incoming);
    if (a !== null && b !== null) return a === b;
  }
  const a = String(current);
  let b = String(incoming);
  if (GUID.test(a) && GUID.test(b)) return a.toLowerCase() === b.toLowerCase();
  if (field?.maxLength && b.length > field.maxLength) b = b.slice(0, field.maxLength);
  return a === b;
}
