import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { badRequest } from "../odata/odata-error";
import { decodePagingToken, encodePagingToken } from "../odata/paging-token";
import { parseQueryOptions } from "../odata/query-options";
import { jsonResponse } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { buildShape } from "../store/entity-shape";
import { serializeRecord } from "./dataverse-serialize";

export const DATAVERSE_MAX_PAGE = 5000;
const COUNT_LIMIT = 5000;

function selectNames(
  ctx: ServiceContext,
  entity: CatalogEntity,
  params: URLSearchParams,
): { set?: Set<string>; text: string } {
  const raw = params.get("$select");
  if (!raw) return { text: "" };
  const shape = buildShape(entity, "crm");
  const set = new Set(
    raw.split(",").map((name) => {
      const ref = shape.resolve(name.trim());
      return ref?.kind === "data" ? ref.field.name : (ref?.name.replace(/^_(.+)_value$/, "$1") ?? name);
    }),
  );
  return { set, text: raw };
}

/** The request's URL with some query options changed; relative (to the last segment) when the sandbox says so. */
export function linkWith(ctx: ServiceContext, url: URL, changes: Record<string, string | null>): string {
  // Keep the other options exactly as the client sent them and the $ names literal, as the services write links.
  const kept = url.search
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => part && !Object.keys(changes).includes(decodeURIComponent(part.split("=")[0]!)));
  const added = Object.entries(changes).flatMap(([name, value]) =>
    value === null ? [] : [`${name}=${encodeURIComponent(value)}`],
  );
  const search = [...kept, ...added].join("&");
  const path = ctx.settings.relativeNextLinks
    ? url.pathname.split("/").pop()!
    : `${new URL(ctx.base).origin}${url.pathname}`;
  return search ? `${path}?${search}` : path;
}

/** GET on an entity set: paging by maxpagesize (≤ 5000) with $skiptoken, $count, and change tracking. */
export async function readCollection(ctx: ServiceContext, entity: CatalogEntity, url: URL): Promise<Response> {
  const params = url.searchParams;
  const shape = buildShape(entity, "crm");
  const options = parseQueryOptions(params, shape, "dataverse");
  const select = selectNames(ctx, entity, params);
  const contextUrl = `${ctx.base}/$metadata#${entity.name}${select.text ? `(${select.text})` : ""}`;
  if (options.deltaToken !== undefined) return readDelta(ctx, entity, url, options.deltaToken, select.set, contextUrl);
  if (ctx.preferences.trackChanges) {
    for (const option of ["$filter", "$orderby", "$top", "$expand"]) {
      if (options.present.has(option))
        throw badRequest(
          "dataverse",
          `The "${option}" query parameter isn't supported when Change Tracking is enabled`,
        );
    }
  }
  if (ctx.preferences.maxPageSize !== undefined && !(ctx.preferences.maxPageSize > 0))
    throw badRequest("dataverse", "odata.maxpagesize must be a positive integer.");
  const paging = options.skipToken ? decodePagingToken(options.skipToken) : { offset: 0 };
  if (!paging) throw badRequest("dataverse", "The $skiptoken is not valid.");
  const pageSize = Math.min(ctx.preferences.maxPageSize ?? DATAVERSE_MAX_PAGE, DATAVERSE_MAX_PAGE);
  // With maxpagesize the service ignores $top.
  const top = ctx.preferences.maxPageSize === undefined ? options.top : undefined;
  const limit = top === undefined ? pageSize : Math.min(pageSize, top - paging.offset);
  const snapshot = ctx.preferences.trackChanges
    ? (paging.snapshot ?? (await ctx.store.lastSequence(entity.name)))
    : undefined;
  // In key order the next page starts after the last id; with $orderby it is an offset.
  const keyset = options.orderBy.length === 0;
  const rows =
    limit > 0
      ? await ctx.store.query({
          entity: entity.name,
          where: options.where,
          orderBy: options.orderBy,
          limit: limit + 1,
          ...(keyset ? { afterId: paging.after } : { offset: paging.offset }),
        })
      : [];
  const more = rows.length > limit && (top === undefined || paging.offset + limit < top);
  const page = rows.slice(0, limit);
  const body: Record<string, unknown> = { "@odata.context": contextUrl };
  if (options.count) {
    const total = await ctx.store.count(entity.name, options.where);
    body["@odata.count"] = Math.min(total, COUNT_LIMIT);
    if (total > COUNT_LIMIT) body["@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded"] = true;
  }
  body.value = page.map((record) => serializeRecord(ctx.catalog, entity, record, select.set, ctx.preferences));
  if (more)
    body["@odata.nextLink"] = linkWith(ctx, url, {
      $skiptoken: encodePagingToken({
        offset: paging.offset + limit,
        snapshot,
        ...(keyset ? { after: page.at(-1)!.id } : {}),
      }),
    });
  else if (snapshot !== undefined)
    body["@odata.deltaLink"] = linkWith(ctx, url, {
      $skiptoken: null,
      $deltatoken: `${snapshot}!${new Date(ctx.now()).toISOString()}`,
    });
  return jsonResponse(
    body,
    200,
    ctx.preferences.maxPageSize ? { "Preference-Applied": `odata.maxpagesize=${pageSize}` } : {},
  );
}

async function readDelta(
  ctx: ServiceContext,
  entity: CatalogEntity,
  url: URL,
  token: string,
  select: Set<string> | undefined,
  contextUrl: string,
): Promise<Response> {
  const sequence = Number.parseInt(token.split("!")[0] ?? "", 10);
  if (!Number.isInteger(sequence) || sequence < 0) throw badRequest("dataverse", "The delta token is not valid.");
  const changes = await ctx.store.changesSince(entity.name, sequence);
  const value: Record<string, unknown>[] = [
    ...changes.upserted.map((record) => serializeRecord(ctx.catalog, entity, record, select, ctx.preferences)),
    ...changes.deleted.map((id) => ({
      "@odata.context": `${ctx.base}/$metadata#${entity.name}/$deletedEntity`,
      id,
      reason: "deleted",
    })),
  ];
  return jsonResponse({
    "@odata.context": `${contextUrl}/$delta`,
    value,
    "@odata.deltaLink": linkWith(ctx, url, {
      $deltatoken: `${changes.lastSequence}!${new Date(ctx.now()).toISOString()}`,
    }),
  });
}
