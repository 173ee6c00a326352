import { randomUUID } from "node:crypto";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { emptyAnswer, toResponse, type Answer } from "../odata/answer";
import { readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import type { SandboxStore, StoredRecord } from "../store/sandbox-store";
import { baseUnitOf } from "./dataverse-base-unit";
import { readBody, storeLookups, type LookupCheck } from "./dataverse-body";
import { hasState, representationAnswer } from "./dataverse-record";
import { applyStateDefaults } from "./status-defaults";

export type NewRow = { id: string; data: Record<string, unknown> };

/** A create body as stored, or the error the service answers: invalid body, missing lookup, then a taken id. */
export async function prepareCreate(
  ctx: ServiceContext,
  entity: CatalogEntity,
  body: Record<string, unknown>,
  exists: LookupCheck,
  taken: (id: string) => Promise<boolean>,
): Promise<NewRow> {
  const { data, id: given } = await readBody(ctx.catalog, entity, body, exists);
  const id = given ?? randomUUID();
  if (await taken(id))
    throw new ODataServiceError(
      412,
      ERROR_CODES.dataverse.duplicate,
      "A record with matching key values already exists.",
    );
  applyStateDefaults(entity.name, data, hasState(entity));
  return { id, data };
}

/** Writes new rows, and what Dataverse creates along with them, in one go; returns the rows' records in order. */
export async function persistCreates(
  store: SandboxStore,
  entity: CatalogEntity,
  rows: NewRow[],
  modifiedBy: string | null,
  now: Date,
): Promise<StoredRecord[]> {
  // The creator is kept as `createdby` (what _createdby_value reads on tables whose catalog has the column).
  const entries = rows.flatMap((row) => [
    { entity: entity.name, record: { id: row.id, data: { ...row.data, createdby: modifiedBy }, modifiedBy } },
    ...baseUnitOf(entity, row.id, row.data, modifiedBy),
  ]);
  const written = await store.writeMany(entries, now);
  return written.filter((_, i) => entries[i]!.entity === entity.name);
}

/** 204 with OData-EntityId, or 201 and the record with Prefer: return=representation. */
export function createdAnswer(ctx: ServiceContext, entity: CatalogEntity, record: StoredRecord, url: URL): Answer {
  if (ctx.preferences.returnRepresentation) return representationAnswer(ctx, entity, record, url, 201);
  return emptyAnswer(204, { "OData-EntityId": `${ctx.base}/${entity.name}(${record.id})` });
}

export async function createRecord(
  ctx: ServiceContext,
  entity: CatalogEntity,
  request: Request,
  url: URL,
): Promise<Response> {
  const exists = storeLookups(ctx.store);
  const row = await prepareCreate(ctx, entity, await readJsonBody(request, "dataverse"), exists, (id) =>
    exists(entity.name, id),
  );
  const [record] = await persistCreates(ctx.store, entity, [row], ctx.caller.userId, ctx.now());
  return toResponse(createdAnswer(ctx, entity, record!, url));
}
