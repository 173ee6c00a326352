import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { jsonAnswer, toResponse, type Answer } from "../odata/answer";
import { emptyResponse, readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import type { StoredRecord } from "../store/sandbox-store";
import { readBcBody, storeBcLookups } from "./bc-body";
import { BC_COMPANY } from "./bc-route";
import { bcEtag, serializeBcRecord } from "./bc-serialize";
import { duplicateKey, integrationKeyOf, takenKeys } from "./bc-tandem-pages";

const CODES = ERROR_CODES["business-central"];

export function bcNotFound(entity: CatalogEntity, id: string): ODataServiceError {
  return new ODataServiceError(
    404,
    CODES.notFound,
    `The ${entity.label ?? entity.name} does not exist. Identification fields and values: Id='${id}'`,
  );
}

function selection(url: URL): Set<string> | undefined {
  const raw = url.searchParams.get("$select");
  return raw ? new Set(raw.split(",").map((s) => s.trim())) : undefined;
}

export function entityAnswer(
  entity: CatalogEntity,
  record: StoredRecord,
  url: URL,
  status: number,
  contextBase: string,
): Answer {
  // A 201 names the new entity's read URL in Location (OData 4.0 §11.4.2.1).
  const location: Record<string, string> =
    status === 201 ? { Location: `${contextBase}/companies(${BC_COMPANY.id})/${entity.name}(${record.id})` } : {};
  return jsonAnswer(
    serializeBcRecord(entity, record, selection(url), {
      "@odata.context": `${contextBase}/$metadata#${entity.name}/$entity`,
    }),
    status,
    { ETag: bcEtag(record), ...location },
  );
}

const entityResponse = (...args: Parameters<typeof entityAnswer>) => toResponse(entityAnswer(...args));

export async function readBcRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  url: URL,
  contextBase: string,
): Promise<Response> {
  const record = await ctx.store.get(entity.name, id);
  if (!record) throw bcNotFound(entity, id);
  return entityResponse(entity, record, url, 200, contextBase);
}

/** PATCH requires If-Match (an ETag or *): without it 428, with a stale one 412. */
export async function updateBcRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  request: Request,
  url: URL,
  contextBase: string,
): Promise<Response> {
  const ifMatch = request.headers.get("If-Match");
  if (!ifMatch)
    throw new ODataServiceError(
      428,
      "BadRequest_MissingIfMatch",
      "Could not find an If-Match header in the request. Add the header with the record's ETag, or '*'.",
    );
  const existing = await ctx.store.get(entity.name, id);
  if (!existing) throw bcNotFound(entity, id);
  if (ifMatch !== "*" && ifMatch !== bcEtag(existing))
    throw new ODataServiceError(412, CODES.versionMismatch, "Another user has already changed the record.");
  const data = await readBcBody(
    ctx.catalog,
    entity,
    await readJsonBody(request, "business-central"),
    storeBcLookups(ctx.store),
  );
  if ((await takenKeys(ctx.store, entity, [{ id, data }])).size)
    throw duplicateKey(entity, String(data[integrationKeyOf(entity)!]));
  const record = await ctx.store.write(
    entity.name,
    { id, data: { ...existing.data, ...data }, createdAt: existing.createdAt },
    ctx.now(),
  );
  return entityResponse(entity, record, url, 200, contextBase);
}

export async function deleteBcRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  id: string,
  request: Request,
): Promise<Response> {
  const existing = await ctx.store.get(entity.name, id);
  if (!existing) throw bcNotFound(entity, id);
  const ifMatch = request.headers.get("If-Match");
  if (ifMatch && ifMatch !== "*" && ifMatch !== bcEtag(existing))
    throw new ODataServiceError(412, CODES.versionMismatch, "Another user has already changed the record.");
  await ctx.store.delete(entity.name, id, ctx.now());
  return emptyResponse(204);
}
