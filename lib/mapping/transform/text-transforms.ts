import { UTCDate } from "@date-fns/utc";
import { format as formatDate } from "date-fns";
import type { Transform } from "../model/transform";
import { TransformError } from "./transform-error";

type SyncTransform = Exclude<Transform, { type: "jsonata" }>;
export type TransformContext = { record: Record<string, unknown>; targetMaxLength?: number };

const REGEX_FLAGS = /^[gimsuy]*$/;

export function compileRegex(pattern: string, flags: string | undefined, transform: string, ensureGlobal: boolean): RegExp {
  const effective = ensureGlobal && !(flags ?? "").includes("g") ? `${flags ?? ""}g` : (flags ?? "");
  if (!REGEX_FLAGS.test(effective)) throw new TransformError("TRANSFORM_INVALID", `Unknown regular-expression flags "${flags}"`, transform);
  try {
    return new RegExp(pattern, effective);
  } catch (error) {
    throw new TransformError("TRANSFORM_INVALID", `Invalid regular expression: ${(error as Error).message}`, transform);
  }
}

function text(value: unknown, transform: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TransformError("TRANSFORM_INPUT", `${transform} needs text, got ${JSON.stringify(value)}`, transform);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

export function formatDecimal(value: number, t: Extract<Transform, { type: "decimal-format" }>): string {
  const formatted = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: t.decimals,
    maximumFractionDigits: t.decimals ?? 20,
    useGrouping: t.grouping ?? false,
  }).format(value);
  if (!t.decimalSeparator || t.decimalSeparator === ".") return formatted;
  const grouping = t.decimalSeparator === "," ? "." : ",";
  return formatted.replace(/[.,]/g, (c) => (c === "." ? t.decimalSeparator! : grouping));
}

/** Every built-in rule except JSONata, which is asynchronous. Null passes through the text rules untouched. */
export function applyBuiltin(value: unknown, t: SyncTransform, context: TransformContext): unknown {
  if (t.type === "default-if-empty") return isEmpty(value) ? t.value : value;
  if (t.type === "concat") {
    const parts = t.parts.map((part) => ("value" in part ? value : "field" in part ? context.record[part.field] : part.text));
    return parts.map((part) => (part === null || part === undefined ? "" : String(part))).join(t.separator ?? "");
  }
  if (value === null || value === undefined) return value;
  switch (t.type) {
    case "uppercase":
      return text(value, t.type).toUpperCase();
    case "lowercase":
      return text(value, t.type).toLowerCase();
    case "titlecase":
      return text(value, t.type)
        .toLowerCase()
        .replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
    case "trim":
      return text(value, t.type).trim();
    case "substring": {
      const chars = Array.from(text(value, t.type));
      return chars.slice(t.start - 1, t.length === undefined ? undefined : t.start - 1 + t.length).join("");
    }
    case "replace":
      return text(value, t.type).split(t.find).join(t.replaceWith);
    case "regex-replace":
      return text(value, t.type).replace(compileRegex(t.pattern, t.flags, t.type, true), t.replaceWith);
    case "remove-non-alphanumeric":
      return text(value, t.type).replace(/[^\p{L}\p{N}]/gu, "");
    case "regex-match": {
      const match = compileRegex(t.pattern, t.flags?.replace("g", ""), t.type, false).exec(text(value, t.type));
      return match?.[t.group ?? 0] ?? "";
    }
    case "truncate": {
      const max = t.maxLength ?? context.targetMaxLength;
      const chars = Array.from(text(value, t.type));
      return max === undefined || chars.length <= max ? chars.join("") : chars.slice(0, max).join("");
    }
    case "date-format": {
      const date = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(date.getTime())) throw new TransformError("TRANSFORM_INPUT", `date-format needs a date, got ${JSON.stringify(value)}`, t.type);
      try {
        return formatDate(new UTCDate(date.getTime()), t.format);
      } catch (error) {
        throw new TransformError("TRANSFORM_INVALID", `Invalid date format "${t.format}": ${(error as Error).message}`, t.type);
      }
    }
    case "decimal-format": {
      const number = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(number)) throw new TransformError("TRANSFORM_INPUT", `decimal-format needs a number, got ${JSON.stringify(value)}`, t.type);
      return formatDecimal(number, t);
    }
  }
}
