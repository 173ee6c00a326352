import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { OrderTerm } from "../store/sandbox-store";
import type { EntityShape, PropertyRef } from "../store/entity-shape";
import { filterToSql } from "../store/filter-sql";
import { parseFilter } from "./filter-parser";
import { badRequest, type Dialect } from "./odata-error";

export type QueryOptions = {
  select?: PropertyRef[];
  where?: SQL;
  orderBy: OrderTerm[];
  top?: number;
  skip?: number;
  count: boolean;
  skipToken?: string;
  deltaToken?: string;
  present: Set<string>;
};

const KNOWN = new Set([
  "$select",
  "$filter",
  "$orderby",
  "$top",
  "$skip",
  "$count",
  "$skiptoken",
  "$deltatoken",
  "$expand",
  "$apply",
  "$search",
  "$format",
]);

function orderExpression(ref: PropertyRef): SQL {
  if (ref.kind === "column") return sql`${sql.identifier(ref.column)}`;
  const raw = sql`(data ->> ${ref.field.name})`;
  if (["integer", "decimal", "optionset"].includes(ref.type)) return sql`${raw}::numeric`;
  if (ref.type === "datetime") return sql`${raw}::timestamptz`;
  if (ref.type === "boolean") return sql`${raw}::boolean`;
  return sql`lower(${raw})`;
}

/** Reads the system query options of a collection request; what the service rejects is a 400 like theirs. */
export function parseQueryOptions(params: URLSearchParams, shape: EntityShape, dialect: Dialect): QueryOptions {
  const present = new Set<string>();
  for (const name of params.keys()) {
    if (!name.startsWith("$")) continue;
    if (!KNOWN.has(name)) throw badRequest(dialect, `The query parameter ${name} is not supported`);
    present.add(name);
  }
  if (dialect === "dataverse" && present.has("$skip"))
    throw badRequest(dialect, "The query parameter $skip is not supported");
  for (const unsupported of ["$expand", "$apply", "$search"]) {
    if (present.has(unsupported))
      throw badRequest(dialect, `The sandbox does not support ${unsupported}; Tandem's connectors do not use it.`);
  }
  const resolve = (name: string) => {
    const ref = shape.resolve(name.trim());
    if (!ref)
      throw badRequest(
        dialect,
        `Could not find a property named '${name.trim()}' on type '${shape.entity.logicalName ?? shape.entity.name}'.`,
      );
    return ref;
  };
  const select = params.get("$select")?.split(",").filter(Boolean).map(resolve);
  const filter = params.get("$filter");
  const orderBy = (params.get("$orderby") ?? "")
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term) => {
      const [name, direction = "asc"] = term.split(/\s+/);
      if (direction !== "asc" && direction !== "desc")
        throw badRequest(dialect, `Syntax error in $orderby: '${term}'.`);
      return { expr: orderExpression(resolve(name!)), direction } as OrderTerm;
    });
  const integer = (name: string) => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    if (!/^\d+$/.test(raw))
      throw badRequest(dialect, `Invalid value '${raw}' for ${name}; it must be a non-negative integer.`);
    return Number(raw);
  };
  const count = params.get("$count");
  if (count !== null && count !== "true" && count !== "false")
    throw badRequest(dialect, `Invalid value '${count}' for $count.`);
  return {
    select,
    where: filter ? filterToSql(parseFilter(filter, dialect), shape, dialect) : undefined,
    orderBy,
    top: integer("$top"),
    skip: integer("$skip"),
    count: count === "true",
    skipToken: params.get("$skiptoken") ?? undefined,
    deltaToken: params.get("$deltatoken") ?? undefined,
    present,
  };
}
