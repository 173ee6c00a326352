import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { jsonAnswer, toResponse, type Answer } from "../odata/answer";
import { emptyResponse, readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import type { StoredRecord } from "../store/sandbox-store";
import { baseUnitOf } from "./dataverse-base-unit";
import { readBody, storeLookups } from "./dataverse-body";
import { etagOf, serializeRecord } from "./dataverse-serialize";
import { applyStateDefaults } from "./status-defaults";

const CODES = ERROR_CODES.dataverse;

function notFound(entity: CatalogEntity, id: string): ODataServiceError {
  return new ODataServiceError(
    404,
    CODES.notFound,
    `${entity.logicalName ?? entity.name} With Id = ${id} Does Not Exist`,
  );
}

function selection(url: URL): Set<string> | undefined {
  const raw = url.searchParams.get("$select");
  return raw ? new Set(raw.split(",").map((name) => name.trim().replace(/^_(.+)_value$/, "$1"))) : undefined;
}

export function representationAnswer(
  ctx: ServiceContext,
  entity: CatalogEntity,
  record: StoredRecord,
  url: URL,
  status: number,
): Answer {
  const select = selection(url);
  const body = serializeRecord(ctx.catalog, entity, record, select, ctx.preferences, {
    "@odata.context": `${ctx.base}/$metadata#${entity.name}/$entity`,
  });
  return jsonAnswer(body, status, {
    ETag: etagOf(record),
    "OData-EntityId": `${ctx.base}/${entity.name}(${record.id})`,
  });
}

const representation = (...args: Parameters<typeof representationAnswer>) => toResponse(representationAnswer(...args));

export const hasState = (entity: CatalogEntity) => entity.fields.some((f) => f.name === "statecode");

export async function readRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  request: Request,
  url: URL,
): Promise<Response> {
  const record = await ctx.store.get(entity.name, id);
  if (!record) throw notFound(entity, id);
  if (request.headers.get("If-None-Match") === etagOf(record)) return emptyResponse(304, { ETag: etagOf(record) });
  return representation(ctx, entity, record, url, 200);
}

/**
 * PATCH: an upsert unless If-Match says the record must exist (`*`) or be this version (ETag → 412 otherwise);
 * If-None-Match: * refuses to update an existing record.
 */
export async function updateRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  request: Request,
  url: URL,
): Promise<Response> {
  const { data } = await readBody(
    ctx.catalog,
    entity,
    await readJsonBody(request, "dataverse"),
    storeLookups(ctx.store),
  );
  const existing = await ctx.store.get(entity.name, id);
  const ifMatch = request.headers.get("If-Match");
  if (request.headers.get("If-None-Match") === "*" && existing)
    throw new ODataServiceError(412, CODES.duplicate, "A record with matching key values already exists.");
  if (ifMatch) {
    if (!existing) throw notFound(entity, id);
    if (ifMatch !== "*" && ifMatch !== etagOf(existing))
      throw new ODataServiceError(
        412,
        CODES.versionMismatch,
        "The version of the existing record doesn't match the RowVersion property provided.",
      );
  }
  const merged = { ...(existing?.data ?? { createdby: ctx.caller.userId }), ...data };
  // A new state without a status takes that state's default status, not the old one.
  if (data.statecode !== undefined && data.statuscode === undefined) delete merged.statuscode;
  applyStateDefaults(entity.name, merged, hasState(entity));
  // An upsert that creates a unit group creates its base unit too, as a POST does.
  const created = existing ? [] : baseUnitOf(entity, id, merged, ctx.caller.userId);
  const [record] = await ctx.store.writeMany(
    [
      {
        entity: entity.name,
        record: { id, data: merged, modifiedBy: ctx.caller.userId, createdAt: existing?.createdAt },
      },
      ...created,
    ],
    ctx.now(),
  );
  if (ctx.preferences.returnRepresentation) return representation(ctx, entity, record!, url, existing ? 200 : 201);
  return emptyResponse(204, { "OData-EntityId": `${ctx.base}/${entity.name}(${record!.id})` });
}

export async function deleteRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  request: Request,
): Promise<Response> {
  const existing = await ctx.store.get(entity.name, id);
  if (!existing) throw notFound(entity, id);
  const ifMatch = request.headers.get("If-Match");
  if (ifMatch && ifMatch !== "*" && ifMatch !== etagOf(existing))
    throw new ODataServiceError(
      412,
      CODES.versionMismatch,
      "The version of the existing record doesn't match the RowVersion property provided.",
    );
  await ctx.store.delete(entity.name, id, ctx.now());
  return emptyResponse(204);
}
