import type { FieldType } from "../model/catalog";
import type { JsonValue } from "../model/json-value";
import type { FlowType } from "../transform/check-transforms";
import { isCalendarDate, isIsoDateTime } from "../model/iso-dates";

const TEXT: FlowType[] = ["string", "text", "enum"];
const NUMBER: FlowType[] = ["integer", "decimal"];
const TIME: FlowType[] = ["date", "datetime"];

/**
 * Whether a value of `source` type can be written into a `target` field as is (BC formats to text and evaluates into
 * the destination type; we allow the conversions that cannot fail). Option sets and lookups have their own rules.
 */
export function canAssign(source: FlowType, target: FieldType): boolean {
  if (source === "unknown") return true;
  if (target === "string" || target === "text")
    return source !== "blob" && source !== "lookup" && source !== "optionset";
  if (target === "enum") return TEXT.includes(source);
  // Decimal → integer would drop the fraction (or fail); integer → decimal cannot fail.
  if (target === "integer") return source === "integer";
  if (target === "decimal") return NUMBER.includes(source);
  if (TIME.includes(target)) return TIME.includes(source);
  if (target === "boolean") return source === "boolean";
  if (target === "guid") return source === "guid";
  if (target === "blob") return source === "blob" || source === "text" || source === "string";
  if (target === "optionset") return source === "optionset" || source === "integer";
  return false; // lookups: only through a lookup setting
}

/** Whether a constant fits the target field (option sets take a value or a label). */
export function constantFits(
  value: JsonValue,
  target: { type: FieldType; maxLength?: number; options?: { value: string | number; label: string }[] },
): boolean {
  if (value === null) return true;
  switch (target.type) {
    case "string":
    case "text":
      return typeof value === "string" && (target.maxLength === undefined || value.length <= target.maxLength);
    case "enum":
    case "optionset":
      return target.options?.length
        ? target.options.some((o) => o.value === value || o.label === value)
        : typeof value === (target.type === "enum" ? "string" : "number");
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "decimal":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "datetime":
      return typeof value === "string" && isIsoDateTime(value);
    case "guid":
    case "lookup":
      return typeof value === "string" && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);
    case "blob":
      return typeof value === "string";
  }
}
