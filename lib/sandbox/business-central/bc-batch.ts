import { listedHeaders } from "../odata/answer";
import { batchRuns } from "../odata/batch-runs";
import { badRequest, ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { jsonResponse, readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { SandboxStore } from "../store/sandbox-store";
import { bulkCreateBc, bulkCreatable } from "./bc-bulk-create";
import type { BcCreateTarget } from "./bc-create";

export const BC_BATCH_LIMIT = 100;

type BatchRequest = { id?: string; method?: string; url?: string; headers?: Record<string, string>; body?: unknown };
type Indexed = { index: number; raw: BatchRequest };
type Dispatch = (ctx: ServiceContext, request: Request) => Promise<Response>;
export type BcCreateTargetOf = (ctx: ServiceContext, url: URL) => (BcCreateTarget & { parentSet?: string }) | undefined;

class SnapshotFailed extends Error {}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const methodOf = (raw: BatchRequest) => (raw.method ?? "GET").toUpperCase();
const headersOf = (raw: BatchRequest) => ({ "Content-Type": "application/json", ...(raw.headers ?? {}) });
const bodyOf = (raw: BatchRequest) => (raw.body === undefined ? undefined : JSON.stringify(raw.body));
const entry = ({ index, raw }: Indexed, status: number, headers: Record<string, string>, text: string) => ({
  id: raw.id ?? String(index + 1),
  status,
  headers,
  ...(text ? { body: parseOrText(text) } : {}),
});

/** POST $batch (JSON): up to 100 requests; `Isolation: snapshot` makes them one transaction. */
export async function executeBcBatch(
  ctx: ServiceContext,
  request: Request,
  apiRoot: string,
  dispatch: Dispatch,
  createTarget: BcCreateTargetOf,
): Promise<Response> {
  const body = await readJsonBody(request, "business-central");
  const requests = body.requests;
  if (!Array.isArray(requests)) throw badRequest("business-central", "A JSON batch needs a 'requests' array.");
  if (requests.length > BC_BATCH_LIMIT)
    throw new ODataServiceError(
      400,
      ERROR_CODES["business-central"].batchTooLarge,
      `The batch contains ${requests.length} operations; the maximum is ${BC_BATCH_LIMIT}.`,
    );
  const atomic = /snapshot/i.test(request.headers.get("Isolation") ?? "");
  const urlOf = (raw: BatchRequest) =>
    /^https?:/.test(raw.url ?? "") ? raw.url! : `${apiRoot}/${(raw.url ?? "").replace(/^\//, "")}`;

  // Consecutive creates into the same collection go through one bulk create.
  const createKey = (runCtx: ServiceContext, { raw }: Indexed) => {
    try {
      if (methodOf(raw) !== "POST") return undefined;
      // Headers a Request would refuse: the request goes its own way and fails there as before.
      new Headers(headersOf(raw));
      const target = createTarget(runCtx, new URL(urlOf(raw)));
      return target && bulkCreatable(runCtx.catalog, target.entity)
        ? `${target.contextBase}/${target.entity.name}/${target.parent?.id ?? ""}`
        : undefined;
    } catch {
      return undefined;
    }
  };

  const inBulk = async (runCtx: ServiceContext, items: Indexed[]) => {
    const parts = items.map(({ raw }) => ({
      url: new URL(urlOf(raw)),
      prefer: new Headers(headersOf(raw)).get("Prefer"),
      body: bodyOf(raw) ?? "",
    }));
    const answers = await bulkCreateBc(runCtx, createTarget(runCtx, parts[0]!.url)!, parts, atomic);
    return answers?.map((answer, i) => entry(items[i]!, answer.status, listedHeaders(answer), answer.body ?? ""));
  };

  const oneByOne = async (runCtx: ServiceContext, item: Indexed) => {
    const method = methodOf(item.raw);
    const inner = new Request(urlOf(item.raw), {
      method,
      headers: headersOf(item.raw),
      body: method === "GET" || method === "DELETE" ? undefined : bodyOf(item.raw),
    });
    const response = await dispatch(runCtx, inner);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return entry(item, response.status, headers, await response.text());
  };

  const run = async (runCtx: ServiceContext) => {
    const responses: ReturnType<typeof entry>[] = [];
    const items = (requests as BatchRequest[]).map((raw, index) => ({ index, raw }));
    for (const group of batchRuns(items, (item) => createKey(runCtx, item))) {
      const bulk = group.key !== undefined && group.items.length > 1 ? await inBulk(runCtx, group.items) : undefined;
      for (const [i, item] of group.items.entries()) {
        if (bulk && i >= bulk.length) break;
        const response = bulk ? bulk[i]! : await oneByOne(runCtx, item);
        responses.push(response);
        if (atomic && response.status >= 400) throw new SnapshotFailed(JSON.stringify(responses));
      }
    }
    return responses;
  };

  if (!atomic) return jsonResponse({ responses: await run(ctx) });
  try {
    const responses = await ctx.store.db.transaction((tx) =>
      run({ ...ctx, store: new SandboxStore(tx as never, ctx.store.system) }),
    );
    return jsonResponse({ responses });
  } catch (error) {
    if (error instanceof SnapshotFailed) return jsonResponse({ responses: JSON.parse(error.message) as unknown });
    throw error;
  }
}
