import { and, sql, type SQL } from "drizzle-orm";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { badRequest, ODataServiceError } from "../odata/odata-error";
import { decodePagingToken, encodePagingToken } from "../odata/paging-token";
import { parseQueryOptions } from "../odata/query-options";
import { jsonResponse } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { buildShape } from "../store/entity-shape";
import { linkWith } from "../dataverse/dataverse-collection";
import { serializeBcRecord } from "./bc-serialize";

export const BC_MAX_PAGE = 20_000;

/** GET on an entity set (or a document's lines): $filter/$select/$orderby/$top/$skip/$count, 20,000 per page. */
export async function readBcCollection(
  ctx: ServiceContext,
  entity: CatalogEntity,
  url: URL,
  contextBase: string,
  parent?: { field: string; id: string },
): Promise<Response> {
  const shape = buildShape(entity, "erp");
  const options = parseQueryOptions(url.searchParams, shape, "business-central");
  const requested = ctx.preferences.maxPageSize;
  if (requested !== undefined && requested > BC_MAX_PAGE) {
    throw new ODataServiceError(
      413,
      "Request_EntityTooLarge",
      `The requested page size ${requested} is larger than the maximum ${BC_MAX_PAGE}.`,
    );
  }
  if (requested !== undefined && !(requested > 0))
    throw badRequest("business-central", "odata.maxpagesize must be a positive integer.");
  const paging = options.skipToken ? decodePagingToken(options.skipToken) : { offset: options.skip ?? 0 };
  if (!paging) throw badRequest("business-central", "The $skiptoken is not valid.");
  const where: SQL | undefined = parent
    ? and(options.where, sql`(data ->> ${parent.field}) = ${parent.id}`)
    : options.where;
  const pageSize = requested ?? BC_MAX_PAGE;
  const end = options.top === undefined ? Infinity : (options.skip ?? 0) + options.top;
  const limit = Math.max(0, Math.min(pageSize, end - paging.offset));
  // In key order the next page starts after the last id; with $orderby or $skip it is an offset.
  const keyset = options.orderBy.length === 0 && (paging.after !== undefined || paging.offset === 0);
  const rows =
    limit > 0
      ? await ctx.store.query({
          entity: entity.name,
          where,
          orderBy: options.orderBy,
          limit: limit + 1,
          ...(keyset ? { afterId: paging.after } : { offset: paging.offset }),
        })
      : [];
  const select = url.searchParams.get("$select");
  const body: Record<string, unknown> = {
    "@odata.context": `${contextBase}/$metadata#${entity.name}${select ? `(${select})` : ""}`,
  };
  if (options.count) body["@odata.count"] = await ctx.store.count(entity.name, where);
  body.value = rows
    .slice(0, limit)
    .map((record) =>
      serializeBcRecord(entity, record, select ? new Set(select.split(",").map((s) => s.trim())) : undefined),
    );
  if (rows.length > limit && paging.offset + limit < end) {
    body["@odata.nextLink"] = linkWith(ctx, url, {
      $skiptoken: encodePagingToken({
        offset: paging.offset + limit,
        ...(keyset ? { after: String(rows[limit - 1]!.id) } : {}),
      }),
    });
  }
  return jsonResponse(body);
}
