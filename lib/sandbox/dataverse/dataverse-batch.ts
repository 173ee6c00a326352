import { randomUUID } from "node:crypto";
import {
  boundaryOf,
  buildMultipart,
  parseMultipart,
  type BatchItem,
  type HttpMessage,
} from "@/lib/connectors/odata/multipart";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { listedHeaders } from "../odata/answer";
import { batchRuns } from "../odata/batch-runs";
import { badRequest, ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import type { ServiceContext } from "../sandbox-context";
import { SandboxStore } from "../store/sandbox-store";
import { bulkCreate } from "./dataverse-bulk-create";

export const DATAVERSE_BATCH_LIMIT = 1000;

export type Dispatch = (ctx: ServiceContext, request: Request) => Promise<Response>;
export type CreateTarget = (ctx: ServiceContext, url: URL) => CatalogEntity | undefined;

async function toMessage(response: Response, contentId?: string): Promise<HttpMessage> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: await response.text(), contentId };
}

function resolveUrl(ctx: ServiceContext, message: HttpMessage, references: Map<string, string>): string {
  const rawUrl = message.url ?? "";
  const resolvedUrl = rawUrl.replace(/^\$(\d+)/, (all, id: string) => references.get(id) ?? all);
  return /^https?:/.test(resolvedUrl)
    ? resolvedUrl
    : `${ctx.base}/${resolvedUrl.replace(/^\/?(api\/data\/v9\.2\/)?/, "")}`;
}

function toRequest(ctx: ServiceContext, message: HttpMessage, references: Map<string, string>): Request {
  const url = resolveUrl(ctx, message, references);
  let body = message.body || undefined;
  if (body && references.size)
    body = body.replace(/"\$(\d+)"/g, (all, id: string) =>
      references.has(id) ? JSON.stringify(references.get(id)) : all,
    );
  return new Request(url, {
    method: message.method,
    headers: message.headers,
    body: message.method === "GET" ? undefined : body,
  });
}

const failed = (item: BatchItem) => "message" in item && item.message.status! >= 400;

/** The entity set a POST outside a changeset creates into: consecutive ones into the same set are created in bulk. */
function createKey(ctx: ServiceContext, item: BatchItem, createTarget: CreateTarget): string | undefined {
  if (!("message" in item) || item.message.method !== "POST") return undefined;
  try {
    return createTarget(ctx, new URL(resolveUrl(ctx, item.message, new Map())))?.name;
  } catch {
    return undefined;
  }
}

async function createInBulk(
  ctx: ServiceContext,
  items: BatchItem[],
  createTarget: CreateTarget,
  stop: boolean,
): Promise<BatchItem[]> {
  const messages = items.flatMap((item) => ("message" in item ? [item.message] : []));
  const parts = messages.map((m) => ({
    url: new URL(resolveUrl(ctx, m, new Map())),
    prefer: new Headers(m.headers).get("Prefer"),
    body: m.body,
  }));
  const answers = await bulkCreate(ctx, createTarget(ctx, parts[0]!.url)!, parts, stop);
  return answers.map((answer, i) => ({
    message: {
      status: answer.status,
      headers: listedHeaders(answer),
      body: answer.body ?? "",
      contentId: messages[i]!.contentId,
    },
  }));
}

async function runItem(ctx: ServiceContext, item: BatchItem, dispatch: Dispatch): Promise<BatchItem> {
  // Outside a changeset each request stands alone.
  if ("message" in item)
    return {
      message: await toMessage(await dispatch(ctx, toRequest(ctx, item.message, new Map())), item.message.contentId),
    };
  return runChangeset(ctx, item.changeset, dispatch);
}

/**
 * POST $batch: multipart; changesets all-or-nothing; without continue-on-error the batch stops at the first failure.
 * `createTarget` names the entity set a POST URL creates into, if any.
 */
export async function executeBatch(
  ctx: ServiceContext,
  request: Request,
  dispatch: Dispatch,
  createTarget: CreateTarget,
): Promise<Response> {
  const boundary = boundaryOf(request.headers.get("Content-Type"));
  if (!boundary) throw badRequest("dataverse", "A batch request needs Content-Type: multipart/mixed with a boundary.");
  let items: BatchItem[];
  try {
    items = parseMultipart(await request.text(), boundary);
  } catch (error) {
    throw badRequest("dataverse", `The batch request is malformed: ${(error as Error).message}`);
  }
  const count = items.reduce((n, item) => n + ("message" in item ? 1 : item.changeset.length), 0);
  if (count > DATAVERSE_BATCH_LIMIT)
    throw new ODataServiceError(
      400,
      ERROR_CODES.dataverse.batchTooLarge,
      `The number of requests in a batch is limited to ${DATAVERSE_BATCH_LIMIT}; this one has ${count}.`,
    );

  const responses: BatchItem[] = [];
  const stop = !ctx.preferences.continueOnError;
  for (const run of batchRuns(items, (item) => createKey(ctx, item, createTarget))) {
    const answered =
      run.key !== undefined && run.items.length > 1
        ? await createInBulk(ctx, run.items, createTarget, stop)
        : [await runItem(ctx, run.items[0]!, dispatch)];
    responses.push(...answered);
    if (stop && answered.some(failed)) break;
  }
  const responseBoundary = `batchresponse_${randomUUID()}`;
  const body = buildMultipart(responseBoundary, responses, () => `changesetresponse_${randomUUID()}`);
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": `multipart/mixed; boundary=${responseBoundary}`, "OData-Version": "4.0" },
  });
}

class ChangesetFailed extends Error {
  constructor(readonly response: HttpMessage) {
    super("changeset failed");
  }
}

async function runChangeset(ctx: ServiceContext, messages: HttpMessage[], dispatch: Dispatch): Promise<BatchItem> {
  try {
    return await ctx.store.db.transaction(async (tx) => {
      const txCtx: ServiceContext = { ...ctx, store: new SandboxStore(tx as never, ctx.store.system) };
      const references = new Map<string, string>();
      const results: HttpMessage[] = [];
      for (const message of messages) {
        if (message.method === "GET")
          throw new ChangesetFailed({
            status: 400,
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              error: {
                code: ERROR_CODES.dataverse.syntax,
                message: "GET requests are not allowed inside a changeset.",
              },
            }),
          });
        const response = await dispatch(txCtx, toRequest(txCtx, message, references));
        const result = await toMessage(response, message.contentId);
        if (response.status >= 400) throw new ChangesetFailed(result);
        const entityId = response.headers.get("OData-EntityId");
        if (message.contentId && entityId) references.set(message.contentId, entityId);
        results.push(result);
      }
      return { changeset: results };
    });
  } catch (error) {
    if (error instanceof ChangesetFailed) return { message: error.response };
    throw error;
  }
}
