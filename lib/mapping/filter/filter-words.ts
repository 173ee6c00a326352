import type { CompareOperator, FilterAst, FilterValue, TextOperator } from "../model/filter";

const COMPARE: Record<CompareOperator, string> = {
  eq: "is",
  ne: "is not",
  gt: "is after or above",
  ge: "is at least",
  lt: "is before or below",
  le: "is at most",
};
const TEXT: Record<TextOperator, string> = { contains: "contains", startswith: "starts with", endswith: "ends with" };

const literal = (value: FilterValue) =>
  value === null ? "blank" : typeof value === "string" ? `“${value}”` : String(value);

/** A filter as a sentence an admin reads on the Table mappings page: `blocked is false and name starts with “A”`. */
export function filterInWords(filter: FilterAst, nested = false): string {
  switch (filter.kind) {
    case "compare":
      return `${filter.field} ${COMPARE[filter.op]} ${literal(filter.value)}`;
    case "in":
      return `${filter.field} is one of ${filter.values.map(literal).join(", ")}`;
    case "text":
      return `${filter.field} ${TEXT[filter.op]} ${literal(filter.value)}`;
    case "not":
      return `not (${filterInWords(filter.item, true)})`;
    case "and":
    case "or": {
      const text = filter.items.map((item) => filterInWords(item, true)).join(` ${filter.kind} `);
      return nested && filter.items.length > 1 ? `(${text})` : text;
    }
  }
}
