import type { CatalogField } from "@/lib/mapping/model/catalog";
import { badRequest, type Dialect } from "./odata-error";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks one written value against its field the way the services do (types, lengths, option values) and returns
 * the value as stored. `entityLabel` names the entity in messages.
 */
export function acceptValue(field: CatalogField, value: unknown, dialect: Dialect, entityLabel: string): unknown {
  if (value === null) return null;
  const invalid = (expected: string) =>
    badRequest(
      dialect,
      `Cannot convert the literal '${typeof value === "string" ? value : JSON.stringify(value)}' to the expected type '${expected}' (property '${field.name}' of '${entityLabel}').`,
    );
  switch (field.type) {
    case "string":
    case "text": {
      if (typeof value !== "string") throw invalid("Edm.String");
      if (field.maxLength && value.length > field.maxLength) {
        throw badRequest(
          dialect,
          dialect === "dataverse"
            ? `A validation error occurred. The length of the '${field.name}' attribute of the '${entityLabel}' entity exceeded the maximum allowed length of '${field.maxLength}'.`
            : `The length of the string is ${value.length}, but it must be less than or equal to ${field.maxLength} characters. Value: ${value}`,
        );
      }
      return value;
    }
    case "enum":
      if (typeof value !== "string" || (field.options?.length && !field.options.some((o) => o.value === value))) {
        throw badRequest(
          dialect,
          `The value '${String(value)}' is not a valid member of the enum for '${field.name}'.`,
        );
      }
      return value;
    case "optionset":
      if (typeof value !== "number" || !Number.isInteger(value)) throw invalid("Edm.Int32");
      if (field.options?.length && !field.options.some((o) => o.value === value)) {
        throw badRequest(
          dialect,
          `${value} is not a valid value for the '${field.name}' attribute of the '${entityLabel}' entity.`,
        );
      }
      return value;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) throw invalid("Edm.Int32");
      return value;
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalid("Edm.Decimal");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw invalid("Edm.Boolean");
      return value;
    case "date":
      if (typeof value !== "string" || !DATE.test(value)) throw invalid("Edm.Date");
      return value;
    case "datetime":
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw invalid("Edm.DateTimeOffset");
      return new Date(value).toISOString();
    case "guid":
    case "lookup":
      if (typeof value !== "string" || !GUID.test(value)) throw invalid("Edm.Guid");
      return value.toLowerCase();
    case "blob":
      if (typeof value !== "string") throw invalid("Edm.Binary");
      return value;
  }
}
