import { sql, type SQL } from "drizzle-orm";
import type { FieldType } from "@/lib/mapping/model/catalog";
import { badRequest, type Dialect } from "../odata/odata-error";
import { filterProperties, type Literal, type ParsedFilter } from "../odata/filter-parser";
import type { EntityShape, PropertyRef } from "./entity-shape";

const EDM: Record<Literal["kind"], string> = {
  string: "Edm.String",
  number: "Edm.Int32",
  boolean: "Edm.Boolean",
  null: "null",
  guid: "Edm.Guid",
  datetime: "Edm.DateTimeOffset",
  date: "Edm.Date",
};
const ACCEPTS: Record<FieldType, Literal["kind"][]> = {
  string: ["string"],
  text: ["string"],
  enum: ["string"],
  integer: ["number"],
  decimal: ["number"],
  optionset: ["number"],
  boolean: ["boolean"],
  date: ["date", "datetime"],
  datetime: ["datetime"],
  guid: ["guid"],
  lookup: ["guid"],
  blob: [],
};
const OPERATOR_NAMES = {
  eq: "Equal",
  ne: "NotEqual",
  gt: "GreaterThan",
  ge: "GreaterThanOrEqual",
  lt: "LessThan",
  le: "LessThanOrEqual",
} as const;
const SQL_OPERATORS = { eq: sql`=`, gt: sql`>`, ge: sql`>=`, lt: sql`<`, le: sql`<=` } as const;

type Typed = { expr: SQL; value: (literal: Literal) => SQL; text: boolean };

/** What a blank is on Business Central, which has no nulls: "", 0, false. */
const BC_BLANK: Partial<Record<FieldType, string>> = {
  string: "",
  text: "",
  enum: "",
  integer: "0",
  decimal: "0",
  optionset: "0",
  boolean: "false",
};

/** The SQL expression of a property and how to bind a literal compared with it, by the property's type. */
function typed(ref: PropertyRef, dialect: Dialect): Typed {
  if (ref.kind === "column") {
    const column = sql.identifier(ref.column);
    if (ref.column === "id" || ref.column === "modified_by")
      return { expr: sql`${column}`, value: (l) => sql`${"value" in l ? l.value : null}::uuid`, text: false };
    if (ref.column === "version")
      return { expr: sql`${column}`, value: (l) => sql`${"value" in l ? l.value : null}::bigint`, text: false };
    return { expr: sql`${column}`, value: (l) => sql`${"value" in l ? l.value : null}::timestamptz`, text: false };
  }
  const blank = dialect === "business-central" ? BC_BLANK[ref.type] : undefined;
  const raw =
    blank === undefined ? sql`(data ->> ${ref.field.name})` : sql`coalesce(data ->> ${ref.field.name}, ${blank})`;
  switch (ref.type) {
    case "integer":
    case "decimal":
    case "optionset":
      return { expr: sql`${raw}::numeric`, value: (l) => sql`${"value" in l ? l.value : null}::numeric`, text: false };
    case "boolean":
      return { expr: sql`${raw}::boolean`, value: (l) => sql`${"value" in l ? l.value : null}::boolean`, text: false };
    case "date":
      return {
        expr: sql`${raw}::date`,
        value: (l) => sql`${"value" in l ? String(l.value).slice(0, 10) : null}::date`,
        text: false,
      };
    case "datetime":
      return {
        expr: sql`${raw}::timestamptz`,
        value: (l) => sql`${"value" in l ? l.value : null}::timestamptz`,
        text: false,
      };
    default:
      // Both services compare text case-insensitively (their default collations); GUIDs in any case.
      return {
        expr: sql`lower(${raw})`,
        value: (l) => sql`lower(${"value" in l ? String(l.value) : null})`,
        text: true,
      };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Dataverse's text functions read % and _ as wildcards and [x] as a literal x; Business Central takes text literally. */
function likeBody(value: string, dialect: Dialect): string {
  if (dialect !== "dataverse") return escapeLike(value);
  let pattern = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "[" && value[i + 2] === "]") {
      pattern += escapeLike(value[i + 1]!);
      i += 2;
    } else if (c === "%" || c === "_") pattern += c;
    else pattern += escapeLike(c);
  }
  return pattern;
}

/** Turns a parsed $filter into a parameterised WHERE clause, answering type errors the way the service does. */
export function filterToSql(filter: ParsedFilter, shape: EntityShape, dialect: Dialect): SQL {
  const resolve = (property: string): PropertyRef => {
    const ref = shape.resolve(property);
    if (!ref)
      throw badRequest(
        dialect,
        `Could not find a property named '${property}' on type '${dialect === "dataverse" ? `Microsoft.Dynamics.CRM.${shape.entity.logicalName ?? shape.entity.name}` : `Microsoft.NAV.${shape.entity.name}`}'.`,
      );
    return ref;
  };
  const build = (node: ParsedFilter): SQL => {
    switch (node.kind) {
      case "and":
        return sql`(${build(node.left)} and ${build(node.right)})`;
      case "or":
        if (dialect === "business-central" && new Set(filterProperties(node)).size > 1)
          throw badRequest(dialect, "The 'OR' operator is not supported on distinct fields.");
        return sql`(${build(node.left)} or ${build(node.right)})`;
      case "not":
        // SQL's three-valued NOT, as OData: not(contains(null,…)) stays unknown and excludes the row.
        return sql`(not ${build(node.operand)})`;
      case "function": {
        const ref = resolve(node.property);
        if (!["string", "text", "enum"].includes(ref.type) || node.literal.kind !== "string") {
          throw badRequest(dialect, `The function '${node.name}' needs a string property and a string literal.`);
        }
        const needle = likeBody(node.literal.value.toLowerCase(), dialect);
        const pattern =
          node.name === "contains" ? `%${needle}%` : node.name === "startswith" ? `${needle}%` : `%${needle}`;
        return sql`(${typed(ref, dialect).expr} like ${pattern} escape '\\')`;
      }
      case "compare": {
        const ref = resolve(node.property);
        const { expr, value } = typed(ref, dialect);
        if (node.literal.kind === "null") {
          if (node.op !== "eq" && node.op !== "ne") return sql`false`;
          return node.op === "eq" ? sql`(${expr} is null)` : sql`(${expr} is not null)`;
        }
        const integerOnly = ref.type === "integer" || ref.type === "optionset";
        const literalOk =
          ACCEPTS[ref.type].includes(node.literal.kind) &&
          !(integerOnly && node.literal.kind === "number" && !node.literal.integer);
        if (!literalOk) {
          throw badRequest(
            dialect,
            `A binary operator with incompatible types was detected. Found operand types '${edmOf(ref.type)}' and '${EDM[node.literal.kind]}' for operator kind '${OPERATOR_NAMES[node.op]}'.`,
          );
        }
        // OData comparisons are two-valued: a null property is simply not equal, not greater, …
        if (node.op === "ne") return sql`(${expr} is distinct from ${value(node.literal)})`;
        return sql`coalesce(${expr} ${SQL_OPERATORS[node.op]} ${value(node.literal)}, false)`;
      }
    }
  };
  return build(filter);
}

export function edmOf(type: FieldType): string {
  const map: Record<FieldType, string> = {
    string: "Edm.String",
    text: "Edm.String",
    enum: "Edm.String",
    integer: "Edm.Int32",
    decimal: "Edm.Decimal",
    optionset: "Edm.Int32",
    boolean: "Edm.Boolean",
    date: "Edm.Date",
    datetime: "Edm.DateTimeOffset",
    guid: "Edm.Guid",
    lookup: "Edm.Guid",
    blob: "Edm.Binary",
  };
  return map[type];
}
