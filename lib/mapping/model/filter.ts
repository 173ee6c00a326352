import { z } from "zod";

export const COMPARE_OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le"] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];
export const TEXT_OPERATORS = ["contains", "startswith", "endswith"] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

/** A literal in a filter. Its meaning (GUID, date, option value…) comes from the field's type in the catalog. */
export type FilterValue = string | number | boolean | null;
export const FilterValueSchema = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be a finite number"),
  z.boolean(),
  z.null(),
]);

/** A structured filter; it becomes OData $filter text or a predicate only through lib/mapping/filter. */
export type FilterAst =
  | { kind: "and"; items: FilterAst[] }
  | { kind: "or"; items: FilterAst[] }
  | { kind: "not"; item: FilterAst }
  | { kind: "compare"; field: string; op: CompareOperator; value: FilterValue }
  | { kind: "in"; field: string; values: FilterValue[] }
  | { kind: "text"; field: string; op: TextOperator; value: string };

const FieldName = z.string().min(1, "field is required");

export const FilterAstSchema: z.ZodType<FilterAst> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("and"), items: z.array(FilterAstSchema) }),
    z.object({ kind: z.literal("or"), items: z.array(FilterAstSchema) }),
    z.object({ kind: z.literal("not"), item: FilterAstSchema }),
    z.object({ kind: z.literal("compare"), field: FieldName, op: z.enum(COMPARE_OPERATORS), value: FilterValueSchema }),
    z.object({
      kind: z.literal("in"),
      field: FieldName,
      values: z.array(FilterValueSchema).min(1, "needs at least one value"),
    }),
    z.object({ kind: z.literal("text"), field: FieldName, op: z.enum(TEXT_OPERATORS), value: z.string() }),
  ]),
);

/** Small constructors so templates and tests read like the filters they build. */
export const f = {
  and: (...items: FilterAst[]): FilterAst => ({ kind: "and", items }),
  or: (...items: FilterAst[]): FilterAst => ({ kind: "or", items }),
  not: (item: FilterAst): FilterAst => ({ kind: "not", item }),
  eq: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "eq", value }),
  ne: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "ne", value }),
  gt: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "gt", value }),
  ge: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "ge", value }),
  lt: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "lt", value }),
  le: (field: string, value: FilterValue): FilterAst => ({ kind: "compare", field, op: "le", value }),
  in: (field: string, values: FilterValue[]): FilterAst => ({ kind: "in", field, values }),
  contains: (field: string, value: string): FilterAst => ({ kind: "text", field, op: "contains", value }),
  startsWith: (field: string, value: string): FilterAst => ({ kind: "text", field, op: "startswith", value }),
  endsWith: (field: string, value: string): FilterAst => ({ kind: "text", field, op: "endswith", value }),
};

/** Every field a filter mentions, with the literals compared against it. */
export function filterTerms(filter: FilterAst): { field: string; values: FilterValue[]; text: boolean }[] {
  switch (filter.kind) {
    case "and":
    case "or":
      return filter.items.flatMap(filterTerms);
    case "not":
      return filterTerms(filter.item);
    case "compare":
      return [{ field: filter.field, values: [filter.value], text: false }];
    case "in":
      return [{ field: filter.field, values: filter.values, text: false }];
    case "text":
      return [{ field: filter.field, values: [filter.value], text: true }];
  }
}
