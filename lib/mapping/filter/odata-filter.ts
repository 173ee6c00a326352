import type { FilterAst } from "../model/filter";
import { FilterError } from "./filter-error";
import { FIELD_NAME, typeLiteral, type FieldResolver, type TypedLiteral } from "./typed-literal";

export type ODataDialect = "dataverse" | "business-central";

export type ODataFilterOptions = { dialect: ODataDialect; field?: FieldResolver };

/** OData literal syntax: strings quoted with quotes doubled; GUIDs, dates, numbers, booleans and null bare. */
export function odataLiteral(literal: TypedLiteral): string {
  switch (literal.kind) {
    case "null":
      return "null";
    case "string":
      return `'${literal.value.replace(/'/g, "''")}'`;
    case "number": {
      // OData 4.0 decimals have no exponent; String() only writes one for very large or very small values.
      const plain = String(literal.value);
      return plain.includes("e")
        ? literal.value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 })
        : plain;
    }
    case "boolean":
      return literal.value ? "true" : "false";
    case "guid":
    case "date":
    case "datetime":
      return literal.value;
  }
}

function propertyName(name: string, options: ODataFilterOptions): string {
  if (!FIELD_NAME.test(name)) throw new FilterError("FILTER_UNKNOWN_FIELD", `"${name}" is not a field name`, name);
  // Dataverse filters lookups on the _x_value property, not on the navigation property.
  return options.dialect === "dataverse" && options.field?.(name)?.type === "lookup" ? `_${name}_value` : name;
}

/** Dataverse reads %, _ and [ as wildcards inside contains/startswith/endswith; [x] makes one literal. */
function escapeDataverseWildcards(value: string): string {
  return value.replace(/[%_[]/g, (c) => `[${c}]`);
}

/**
 * Whether a filter asks Business Central for an "or" across two fields, counting the ones negation creates:
 * not (a and b) is (not a) or (not b).
 */
export function orAcrossFields(filter: FilterAst, negated = false): boolean {
  switch (filter.kind) {
    case "not":
      return orAcrossFields(filter.item, !negated);
    case "and":
    case "or": {
      const disjunction = (filter.kind === "or") !== negated;
      if (disjunction && distinctFields(filter).size > 1) return true;
      return filter.items.some((item) => orAcrossFields(item, negated));
    }
    case "in":
      return false;
    default:
      return false;
  }
}

function distinctFields(filter: FilterAst): Set<string> {
  switch (filter.kind) {
    case "and":
    case "or":
      return new Set(filter.items.flatMap((item) => [...distinctFields(item)]));
    case "not":
      return distinctFields(filter.item);
    default:
      return new Set([filter.field]);
  }
}

function build(filter: FilterAst, options: ODataFilterOptions, nested: boolean): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  switch (filter.kind) {
    case "and":
    case "or": {
      if (filter.items.length === 0) return filter.kind === "and" ? "true" : "false";

      if (filter.items.length === 1) return build(filter.items[0]!, options, nested);
      return wrap(filter.items.map((item) => build(item, options, true)).join(` ${filter.kind} `));
    }
    case "not":
      return `not (${build(filter.item, options, false)})`;
    case "compare": {
      const field = options.field?.(filter.field);
      return `${propertyName(filter.field, options)} ${filter.op} ${odataLiteral(typeLiteral(filter.field, field, filter.value))}`;
    }
    case "in": {
      if (filter.values.length === 0)
        throw new FilterError("FILTER_VALUE_TYPE", `The list for ${filter.field} is empty`, filter.field);
      const field = options.field?.(filter.field);
      const name = propertyName(filter.field, options);
      // `in` is OData 4.01; both services speak 4.0, so it becomes an or-chain on one field.
      const terms = filter.values.map((value) => `${name} eq ${odataLiteral(typeLiteral(filter.field, field, value))}`);
      return terms.length === 1 ? terms[0]! : wrap(terms.join(" or "));
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
      const value = options.dialect === "dataverse" ? escapeDataverseWildcards(filter.value) : filter.value;
      return `${filter.op}(${propertyName(filter.field, options)},${odataLiteral({ kind: "string", value })})`;
    }
  }
}

/**
 * The one place a filter becomes OData `$filter` text. Values are always literals, never syntax; the result is
 * meant for URLSearchParams (or encodeURIComponent), which takes care of `&`, `#`, `%` and unicode.
 */
export function toODataFilter(filter: FilterAst, options: ODataFilterOptions): string {
  if (options.dialect === "business-central" && orAcrossFields(filter)) {
    throw new FilterError(
      "FILTER_UNSUPPORTED",
      "Business Central refuses 'or' across different fields (also when a 'not' makes one); split the filter or use one field",
    );
  }
  return build(filter, options, false);
}
