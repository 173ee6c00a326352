import { randomUUID } from "node:crypto";
import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { WriteOperation, WriteResult } from "../connector";
import { ConnectorError, errorFromResponse, failedOperation, isConnectionFailure } from "../odata/connector-error";
import { boundaryOf, buildMultipart, parseMultipart, type BatchItem, type HttpMessage } from "../odata/multipart";
import type { ODataClient } from "../odata/odata-client";
import { bodyFromValues, recordFromRow } from "./dataverse-values";

const DUPLICATE_KEY = "0x80040237";

type Prepared = { method: string; url: string; headers: Record<string, string>; body?: string };

/** A write's answer needs only its receipt (id, modified-on, ETag), not the whole record back. */
const receipt = (entity: CatalogEntity) =>
  `?$select=${[entity.key, ...(entity.modifiedOn ? [entity.modifiedOn] : [])].join(",")}`;

/** PATCH always carries If-Match (an ETag or *), so an update never turns into a create; upsert leaves it off. */
function prepare(
  client: ODataClient,
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  operation: WriteOperation,
): Prepared {
  const json = { "Content-Type": "application/json; type=entry", Prefer: "return=representation" };
  const record = (id: string | undefined) => {
    if (!id) throw new ConnectorError("BAD_REQUEST", `An ${operation.kind} needs the record's id`);
    return client.resolve(`${entity.name}(${id})`);
  };
  switch (operation.kind) {
    case "create": {
      const body = bodyFromValues(catalog, entity, operation.values ?? {});
      if (operation.id) body[entity.key] = operation.id;
      return {
        method: "POST",
        url: client.resolve(`${entity.name}${receipt(entity)}`),
        headers: json,
        body: JSON.stringify(body),
      };
    }
    case "update":
      return {
        method: "PATCH",
        url: `${record(operation.id)}${receipt(entity)}`,
        headers: { ...json, "If-Match": operation.etag ?? "*" },
        body: JSON.stringify(bodyFromValues(catalog, entity, operation.values ?? {})),
      };
    case "upsert":
      return {
        method: "PATCH",
        url: `${record(operation.id)}${receipt(entity)}`,
        headers: json,
        body: JSON.stringify(bodyFromValues(catalog, entity, operation.values ?? {})),
      };
    case "delete":
      return { method: "DELETE", url: record(operation.id), headers: { "If-Match": operation.etag ?? "*" } };
  }
}

/** A create whose id is taken met the record an earlier create with the same key made: DUPLICATE. */
function failed(operation: WriteOperation, error: ConnectorError): WriteResult {
  const duplicate =
    operation.kind === "create" && (error.details.serviceCode === DUPLICATE_KEY || error.status === 412);
  return {
    ok: false,
    ref: operation.ref,
    id: operation.id,
    error: {
      code: duplicate ? "DUPLICATE" : error.code,
      status: error.status,
      serviceCode: error.details.serviceCode,
      message: error.message,
    },
  };
}

function resultOf(
  entity: CatalogEntity,
  operation: WriteOperation,
  status: number,
  body: string,
  headers: Record<string, string>,
): WriteResult {
  if (status >= 400) {
    return failed(operation, errorFromResponse(status, body));
  }
  if (operation.kind === "delete" || !body) {
    const entityId = headers["odata-entityid"] ?? "";
    return {
      ok: true,
      ref: operation.ref,
      id: operation.id ?? /\(([0-9a-f-]{36})\)$/i.exec(entityId)?.[1] ?? "",
      modifiedOn: null,
      etag: null,
    };
  }
  const record = recordFromRow(entity, JSON.parse(body) as Record<string, unknown>);
  return { ok: true, ref: operation.ref, id: record.id, modifiedOn: record.modifiedOn, etag: record.etag };
}

/** One operation as a plain request: cheaper than a batch of one. */
export async function writeOne(
  client: ODataClient,
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  operation: WriteOperation,
): Promise<WriteResult> {
  const prepared = prepare(client, catalog, entity, operation);
  try {
    const response = await client.send(prepared.url, prepared);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return resultOf(entity, operation, response.status, await response.text(), headers);
  } catch (error) {
    if (!(error instanceof ConnectorError) || isConnectionFailure(error)) throw error;
    // Still 5xx, 429 or no answer after the client's retries: this operation's failure, not the connection's.
    if (!error.status || error.status >= 500 || error.status === 429) return failedOperation(operation, error);
    return failed(operation, error);
  }
}

/**
 * A multipart $batch (≤ 1000 operations). Independent operations each stand alone and the batch continues past
 * failures; atomic ones share one changeset, so all succeed or none does.
 */
export async function writeBatch(
  client: ODataClient,
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  operations: WriteOperation[],
  atomic: boolean,
): Promise<WriteResult[]> {
  const messages: HttpMessage[] = operations.map((operation, index) => {
    const prepared = prepare(client, catalog, entity, operation);
    return {
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      body: prepared.body ?? "",
      contentId: String(index + 1),
    };
  });
  const items: BatchItem[] = atomic ? [{ changeset: messages }] : messages.map((message) => ({ message }));
  const boundary = `batch_${randomUUID()}`;
  const response = await client.send("$batch", {
    method: "POST",
    headers: {
      "Content-Type": `multipart/mixed; boundary=${boundary}`,
      Accept: "application/json",
      "If-None-Match": "null",
      ...(atomic ? {} : { Prefer: "odata.continue-on-error" }),
    },
    body: buildMultipart(boundary, items, () => `changeset_${randomUUID()}`),
  });
  const responseBoundary = boundaryOf(response.headers.get("Content-Type"));
  if (!responseBoundary) throw new ConnectorError("PROTOCOL", "The $batch response is not multipart");
  const parts = parseMultipart(await response.text(), responseBoundary);
  const answers = parts.flatMap((part) => ("message" in part ? [part.message] : part.changeset));
  // A failed changeset answers once for all of its operations.
  if (atomic && answers.length === 1 && operations.length > 1 && answers[0]!.status! >= 400) {
    return operations.map((operation) =>
      resultOf(entity, operation, answers[0]!.status!, answers[0]!.body, answers[0]!.headers),
    );
  }
  return operations.map((operation, index) => {
    const answer = answers.find((a) => a.contentId === String(index + 1)) ?? answers[index];
    if (!answer)
      return {
        ok: false,
        ref: operation.ref,
        id: operation.id,
        error: { code: "PROTOCOL", message: "The batch stopped before this operation" },
      };
    return resultOf(entity, operation, answer.status!, answer.body, answer.headers);
  });
}
