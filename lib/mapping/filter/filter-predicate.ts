import type { FilterAst, CompareOperator } from "../model/filter";
import { FilterError } from "./filter-error";
import { typeLiteral, type FieldResolver, type TypedLiteral } from "./typed-literal";

export type RecordPredicate = (record: Record<string, unknown>) => boolean;
export type PredicateOptions = { field?: FieldResolver; caseSensitive?: boolean };

type Comparable = string | number | boolean;

/** A record's value seen the way its literal is typed, so 'abc' vs 'ABC' or two spellings of one instant compare right. */
function comparable(raw: unknown, literal: TypedLiteral, caseSensitive: boolean): Comparable | null {
  if (raw === null || raw === undefined) return null;
  switch (literal.kind) {
    case "number": {
      if (typeof raw === "number") return raw;
      const text = String(raw).trim();
      return text === "" || Number.isNaN(Number(text)) ? null : Number(text);
    }
    case "boolean":
      return typeof raw === "boolean" ? raw : raw === "true";
    case "date":
    case "datetime": {
      const time = Date.parse(String(raw));
      return Number.isNaN(time) ? null : time;
    }
    case "guid":
      return String(raw).toLowerCase();
    default:
      return caseSensitive ? String(raw) : String(raw).toLowerCase();
  }
}

function literalValue(literal: TypedLiteral, caseSensitive: boolean): Comparable | null {
  switch (literal.kind) {
    case "null":
      return null;
    case "date":
    case "datetime":
      return Date.parse(literal.value);
    case "string":
      return caseSensitive ? literal.value : literal.value.toLowerCase();
    default:
      return literal.value;
  }
}

function compare(left: Comparable | null, op: CompareOperator, right: Comparable | null): boolean {
  if (left === null || right === null) {
    if (op === "eq") return left === right;
    if (op === "ne") return left !== right;
    return false;
  }
  switch (op) {
    case "eq":
      return left === right;
    case "ne":
      return left !== right;
    case "gt":
      return left > right;
    case "ge":
      return left >= right;
    case "lt":
      return left < right;
    case "le":
      return left <= right;
  }
}

/** Kleene logic: null is "unknown", which only functions on a missing value produce. */
type Truth = boolean | null;
type Test = (record: Record<string, unknown>) => Truth;

function build(filter: FilterAst, options: PredicateOptions, caseSensitive: boolean): Test {
  switch (filter.kind) {
    case "and": {
      const parts = filter.items.map((item) => build(item, options, caseSensitive));
      return (record) => {
        let unknown = false;
        for (const part of parts) {
          const truth = part(record);
          if (truth === false) return false;
          if (truth === null) unknown = true;
        }
        return unknown ? null : true;
      };
    }
    case "or": {
      const parts = filter.items.map((item) => build(item, options, caseSensitive));
      return (record) => {
        let unknown = false;
        for (const part of parts) {
          const truth = part(record);
          if (truth === true) return true;
          if (truth === null) unknown = true;
        }
        return unknown ? null : false;
      };
    }
    case "not": {
      const inner = build(filter.item, options, caseSensitive);
      return (record) => {
        const truth = inner(record);
        return truth === null ? null : !truth;
      };
    }
    case "compare": {
      const literal = typeLiteral(filter.field, options.field?.(filter.field), filter.value);
      const right = literalValue(literal, caseSensitive);
      return (record) => compare(comparable(record[filter.field], literal, caseSensitive), filter.op, right);
    }
    case "in": {
      const literals = filter.values.map((value) => typeLiteral(filter.field, options.field?.(filter.field), value));
      return (record) =>
        literals.some((literal) =>
          compare(comparable(record[filter.field], literal, caseSensitive), "eq", literalValue(literal, caseSensitive)),
        );
    }
    case "text": {
      const field = options.field?.(filter.field);
      if (field && field.type !== "string" && field.type !== "text") {
        throw new FilterError(
          "FILTER_VALUE_TYPE",
          `${filter.field} is not text, so ${filter.op} does not apply`,
          filter.field,
        );
      }
      const needle = caseSensitive ? filter.value : filter.value.toLowerCase();
      return (record) => {
        const raw = record[filter.field];
        if (raw === null || raw === undefined) return null;
        const hay = caseSensitive ? String(raw) : String(raw).toLowerCase();
        return filter.op === "contains"
          ? hay.includes(needle)
          : filter.op === "startswith"
            ? hay.startsWith(needle)
            : hay.endsWith(needle);
      };
    }
  }
}

/**
 * The same filter as an in-memory test (dry runs, post-filters) over records as connectors return them (lookups
 * under their logical name). Semantics follow OData: comparisons with null are true or false (null ne 'x' is
 * true), text functions on null are unknown, and only true includes a record. Text compares case-insensitively
 * by default, as both services' default collations do.
 */
export function toPredicate(filter: FilterAst, options: PredicateOptions = {}): RecordPredicate {
  const test = build(filter, options, options.caseSensitive ?? false);
  return (record) => test(record) === true;
}
