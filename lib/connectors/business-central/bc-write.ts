import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { ConnectorRecord, WriteOperation, WriteResult } from "../connector";
import { ConnectorError, errorFromResponse } from "../odata/connector-error";
import type { ODataClient } from "../odata/odata-client";

const DUPLICATE_KEY = "Internal_EntityWithSameKeyExists";

type BatchResponse = { responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };

function requestOf(
  operation: WriteOperation,
  path: (suffix?: string) => string,
  index: number,
): Record<string, unknown> {
  const id = String(index);
  const body = operation.values ?? {};
  switch (operation.kind) {
    case "create":
      return { id, method: "POST", url: path(), headers: { "Content-Type": "application/json" }, body };
    case "update":
    case "upsert":
      if (!operation.id) throw new ConnectorError("BAD_REQUEST", `An ${operation.kind} needs the record's id`);
      return {
        id,
        method: "PATCH",
        url: path(`(${operation.id})`),
        headers: {
          "Content-Type": "application/json",
          "If-Match": operation.kind === "upsert" ? "*" : (operation.etag ?? "*"),
        },
        body,
      };
    case "delete":
      if (!operation.id) throw new ConnectorError("BAD_REQUEST", "A delete needs the record's id");
      return { id, method: "DELETE", url: path(`(${operation.id})`), headers: { "If-Match": operation.etag ?? "*" } };
  }
}

/**
 * One JSON $batch (≤ 100 operations); `Isolation: snapshot` when atomic. Business Central has no upsert, so an
 * upsert whose record is missing becomes a create in a second batch.
 */
export async function writeBcBatch(
  client: ODataClient,
  entity: CatalogEntity,
  path: (suffix?: string) => string,
  operations: WriteOperation[],
  atomic: boolean,
  toRecord: (row: Record<string, unknown>) => ConnectorRecord,
): Promise<WriteResult[]> {
  const api = path().split("/companies(")[0]!;
  // Inner URLs are relative to the API root the batch was sent to.
  const inner = (suffix?: string) => path(suffix).slice(api.length + 1);
  const response = await client.json<BatchResponse>(`${api}/$batch`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(atomic ? { Isolation: "snapshot" } : {}) },
    body: JSON.stringify({ requests: operations.map((operation, index) => requestOf(operation, inner, index)) }),
  });
  const byId = new Map(response.responses.map((r) => [r.id, r]));
  const results = operations.map((operation, index): WriteResult => {
    const part = byId.get(String(index));
    if (!part)
      return {
        ok: false,
        ref: operation.ref,
        id: operation.id,
        error: { code: "PROTOCOL", message: "The batch response has no answer for this operation" },
      };
    if (part.status >= 400) {
      const error = errorFromResponse(part.status, JSON.stringify(part.body ?? {}));
      // A create whose integration key is taken met the record an earlier create with the same key made.
      const duplicate = operation.kind === "create" && error.details.serviceCode === DUPLICATE_KEY;
      return {
        ok: false,
        ref: operation.ref,
        id: operation.id,
        error: {
          code: duplicate ? "DUPLICATE" : error.code,
          status: part.status,
          serviceCode: error.details.serviceCode,
          message: error.message,
        },
      };
    }
    if (operation.kind === "delete")
      return { ok: true, ref: operation.ref, id: operation.id!, modifiedOn: null, etag: null };
    const record = toRecord(part.body as Record<string, unknown>);
    return {
      ok: true,
      ref: operation.ref,
      id: record.id,
      modifiedOn: record.modifiedOn,
      etag: record.etag ?? part.headers?.etag ?? null,
    };
  });
  const missing = operations.flatMap((operation, index) =>
    operation.kind === "upsert" &&
    !results[index]!.ok &&
    (results[index] as { error: { status?: number } }).error.status === 404
      ? [index]
      : [],
  );
  if (missing.length) {
    const created = await writeBcBatch(
      client,
      entity,
      path,
      missing.map((index) => ({ ...operations[index]!, kind: "create" as const })),
      atomic,
      toRecord,
    );
    missing.forEach((index, i) => (results[index] = created[i]!));
  }
  return results;
}
