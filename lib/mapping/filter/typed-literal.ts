import type { CatalogField } from "../model/catalog";
import type { FilterValue } from "../model/filter";
import { FilterError } from "./filter-error";
import { isCalendarDate, isIsoDateTime } from "../model/iso-dates";

/** A filter literal after the field's type has given it a meaning. */
export type TypedLiteral =
  | { kind: "null" }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "guid"; value: string }
  | { kind: "date"; value: string }
  | { kind: "datetime"; value: string };

export type FieldResolver = (name: string) => CatalogField | undefined;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function wrongType(field: string, expected: string, value: FilterValue): FilterError {
  return new FilterError("FILTER_VALUE_TYPE", `${field} needs ${expected}, not ${JSON.stringify(value)}`, field);
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function asNumber(field: string, value: FilterValue, integer: boolean): number {
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && DECIMAL_TEXT.test(value.trim())
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number) || (integer && !Number.isSafeInteger(number)))
    throw wrongType(field, integer ? "a whole number" : "a number", value);
  return number;
}

/**
 * Gives a literal its meaning from the field's catalog type; without a catalog field the JSON type decides.
 * Throws FilterError for a value the field cannot hold.
 */
export function typeLiteral(fieldName: string, field: CatalogField | undefined, value: FilterValue): TypedLiteral {
  if (value === null) return { kind: "null" };
  if (!field) {
    if (typeof value === "string") return { kind: "string", value };
    if (typeof value === "number") return { kind: "number", value };
    return { kind: "boolean", value };
  }
  switch (field.type) {
    case "string":
    case "text":
      if (typeof value !== "string") throw wrongType(fieldName, "text", value);
      return { kind: "string", value };
    case "enum": {
      const option = field.options?.find((o) => o.value === value || o.label === value);
      if (typeof value !== "string" || (field.options?.length && !option)) {
        throw wrongType(
          fieldName,
          `one of ${(field.options ?? []).map((o) => JSON.stringify(o.value)).join(", ")}`,
          value,
        );
      }
      return { kind: "string", value: String(option?.value ?? value) };
    }
    case "optionset": {
      const option = field.options?.find(
        (o) => o.value === value || o.label === value || (typeof value === "string" && String(o.value) === value),
      );
      if (option) return { kind: "number", value: Number(option.value) };
      if (field.options?.length)
        throw wrongType(fieldName, `one of ${field.options.map((o) => `${o.value} (${o.label})`).join(", ")}`, value);
      return { kind: "number", value: asNumber(fieldName, value, true) };
    }
    case "integer":
      return { kind: "number", value: asNumber(fieldName, value, true) };
    case "decimal":
      return { kind: "number", value: asNumber(fieldName, value, false) };
    case "boolean":
      if (typeof value === "boolean") return { kind: "boolean", value };
      if (value === "true" || value === "false") return { kind: "boolean", value: value === "true" };
      throw wrongType(fieldName, "true or false", value);
    case "date":
      if (typeof value !== "string" || !isCalendarDate(value))
        throw wrongType(fieldName, "a date like 2026-01-31", value);
      return { kind: "date", value };
    case "datetime":
      if (typeof value !== "string" || !isIsoDateTime(value)) {
        throw wrongType(fieldName, "a date and time like 2026-01-31T12:00:00Z", value);
      }
      return { kind: "datetime", value: new Date(value).toISOString() };
    case "guid":
    case "lookup":
      if (typeof value !== "string" || !GUID.test(value))
        throw wrongType(fieldName, "a GUID like 00000000-0000-0000-0000-000000000000", value);
      return { kind: "guid", value: value.toLowerCase() };
    case "blob":
      throw new FilterError("FILTER_UNSUPPORTED", `${fieldName} holds binary data and cannot be filtered`, fieldName);
  }
}
