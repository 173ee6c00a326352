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
    case "number":
      return Number.isInteger(literal.value) ? String(literal.value) : literal.value.toString().replace("e", "E");
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
      if (filter.kind === "or" && options.dialect === "business-central" && distinctFields(filter).size > 1) {
        throw new FilterError("FILTER_UNSUPPORTED", "Business Central refuses 'or' across different fields; split the filter or use one field");
      }
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
      const field = options.field?.(filter.field);
      const name = propertyName(filter.field, options);
      // `in` is OData 4.01; both services speak 4.0, so it becomes an or-chain on one field.
      const terms = filter.values.map((value) => `${name} eq ${odataLiteral(typeLiteral(filter.field, field, value))}`);
      return terms.length === 1 ? terms[0]! : wrap(terms.join(" or "));
    }
    case "text": {
      const field = options.field?.(filter.field);
      if (field && field.type !== "string" && field.type !== "text") {
        throw new FilterError("FILTER_VALUE_TYPE", `${filter.field} is not text, so ${filter.op} does not apply`, filter.field);
      }
      return `${filter.op}(${propertyName(filter.field, options)},${odataLiteral({ kind: "string", value: filter.value })})`;
    }
  }
}

/**
 * The one place a filter becomes OData `$filter` text. Values are always literals, never syntax; the result is
 * meant for URLSearchParams (or encodeURIComponent), which takes care of `&`, `#`, `%` and unicode.
 */
export function toODataFilter(filter: FilterAst, options: ODataFilterOptions): string {
  return build(filter, options, false);
}
