import { UTCDate } from "@date-fns/utc";
import { format as formatDate } from "date-fns";
import type { Transform } from "../model/transform";
import type { RE2JS } from "re2js";
import { TransformError } from "./transform-error";
import { checkRegexWork, compileLinearRegex } from "./linear-regex";
import { isCalendarDate } from "../model/iso-dates";

type SyncTransform = Exclude<Transform, { type: "jsonata" }>;
export type TransformContext = { record: Record<string, unknown>; targetMaxLength?: number };

/** Runs a user's pattern on a value: linear-time engine, value checked against the engine's work budget first. */
function regexRun(value: unknown, transform: string, pattern: string, flags: string | undefined) {
  const input = text(value, transform);
  const regex = compileRegex(pattern, flags, transform);
  checkRegexWork(regex, input.length, transform);
  return { input, regex };
}

/** Cuts to at most `max` UTF-16 code units (what both systems' length limits count) without splitting a pair. */
function cutUtf16(input: string, max: number): string {
  if (input.length <= max) return input;
  const high = input.charCodeAt(max - 1);
  return input.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/** A date, or a date-time read as UTC when it carries no offset (never the server's time zone). */
function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const raw = String(value).trim();
  const withOffset = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(raw) ? `${raw}Z` : raw;
  const datePart = /^(\d{4}-\d{2}-\d{2})/.exec(withOffset)?.[1];
  if (!datePart || !isCalendarDate(datePart)) return null;
  const date = new Date(withOffset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A user's pattern on the linear-time engine. The g flag is the transform's business (replace is always global,
 * match takes the first match), so it is accepted and ignored here.
 */
export function compileRegex(pattern: string, flags: string | undefined, transform: string): RE2JS {
  return compileLinearRegex(pattern, flags, transform);
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
    const parts = t.parts.map((part) =>
      "value" in part ? value : "field" in part ? context.record[part.field] : part.text,
    );
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
    case "regex-replace": {
      // The replacement reads like String.prototype.replace's: $1, $&, $$, $<name>.
      const { input, regex } = regexRun(value, t.type, t.pattern, t.flags);
      return regex.matcher(input).replaceAll(t.replaceWith);
    }
    case "remove-non-alphanumeric":
      return text(value, t.type).replace(/[^\p{L}\p{N}]/gu, "");
    case "regex-match": {
      const { input, regex } = regexRun(value, t.type, t.pattern, t.flags);
      return regex.exec(input)?.[t.group ?? 0] ?? "";
    }
    case "truncate": {
      const max = t.maxLength ?? context.targetMaxLength;
      return max === undefined ? text(value, t.type) : cutUtf16(text(value, t.type), max);
    }
    case "date-format": {
      if (value === "") return "";
      const date = parseInstant(value);
      if (!date)
        throw new TransformError("TRANSFORM_INPUT", `date-format needs a date, got ${JSON.stringify(value)}`, t.type);
      try {
        return formatDate(new UTCDate(date.getTime()), t.format);
      } catch (error) {
        throw new TransformError(
          "TRANSFORM_INVALID",
          `Invalid date format "${t.format}": ${(error as Error).message}`,
          t.type,
        );
      }
    }
    case "decimal-format": {
      if (typeof value === "string" && value.trim() === "") return "";
      const number = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(number))
        throw new TransformError(
          "TRANSFORM_INPUT",
          `decimal-format needs a number, got ${JSON.stringify(value)}`,
          t.type,
        );
      return formatDecimal(number, t);
    }
  }
}
