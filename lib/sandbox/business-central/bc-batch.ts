import { badRequest, ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { jsonResponse, readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { SandboxStore } from "../store/sandbox-store";

export const BC_BATCH_LIMIT = 100;

type BatchRequest = { id?: string; method?: string; url?: string; headers?: Record<string, string>; body?: unknown };
type Dispatch = (ctx: ServiceContext, request: Request) => Promise<Response>;

class SnapshotFailed extends Error {}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** POST $batch (JSON): up to 100 requests; `Isolation: snapshot` makes them one transaction. */
export async function executeBcBatch(ctx: ServiceContext, request: Request, apiRoot: string, dispatch: Dispatch): Promise<Response> {
  const body = await readJsonBody(request, "business-central");
  const requests = body.requests;
  if (!Array.isArray(requests)) throw badRequest("business-central", "A JSON batch needs a 'requests' array.");
  if (requests.length > BC_BATCH_LIMIT) throw new ODataServiceError(400, ERROR_CODES["business-central"].batchTooLarge, `The batch contains ${requests.length} operations; the maximum is ${BC_BATCH_LIMIT}.`);
  const atomic = /snapshot/i.test(request.headers.get("Isolation") ?? "");

  const run = async (runCtx: ServiceContext) => {
    const responses: Record<string, unknown>[] = [];
    for (const [index, raw] of (requests as BatchRequest[]).entries()) {
      const url = /^https?:/.test(raw.url ?? "") ? raw.url! : `${apiRoot}/${(raw.url ?? "").replace(/^\//, "")}`;
      const method = (raw.method ?? "GET").toUpperCase();
      const inner = new Request(url, {
        method,
        headers: { "Content-Type": "application/json", ...(raw.headers ?? {}) },
        body: method === "GET" || method === "DELETE" || raw.body === undefined ? undefined : JSON.stringify(raw.body),
      });
      const response = await dispatch(runCtx, inner);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const text = await response.text();
      responses.push({ id: raw.id ?? String(index + 1), status: response.status, headers, ...(text ? { body: parseOrText(text) } : {}) });
      if (atomic && response.status >= 400) throw new SnapshotFailed(JSON.stringify(responses));
    }
    return responses;
  };

  if (!atomic) return jsonResponse({ responses: await run(ctx) });
  try {
    const responses = await ctx.store.db.transaction((tx) => run({ ...ctx, store: new SandboxStore(tx as never, ctx.store.system) }));
    return jsonResponse({ responses });
  } catch (error) {
    if (error instanceof SnapshotFailed) return jsonResponse({ responses: JSON.parse(error.message) as unknown });
    throw error;
  }
}
