const KIB = 1024;
const MIB = 1024 * KIB;

/** Request body caps of the sandboxes (README, "Connectors and sandboxes", says why these numbers). */
export const BODY_CAPS = {
  token: 64 * KIB,
  request: 16 * MIB,
  batch: 64 * MIB,
} as const;

export type CappedBody = { ok: true; request: Request } | { ok: false; limit: number };

const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** How long a refused body may keep arriving (read and thrown away) before the connection is cut. */
export const DRAIN_MS = 2000;

/**
 * The rest of a refused body is never kept. It is read and dropped for a moment, so the client, still sending, sees
 * the 413 instead of a reset connection; a body still coming after that (a client that never stops) is cut off.
 */
async function discardThenCut(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const until = Date.now() + DRAIN_MS;
  const cut = setTimeout(() => reader.cancel().catch(() => {}), DRAIN_MS);
  try {
    while (Date.now() < until) if ((await reader.read()).done) break;
    if (Date.now() >= until) await reader.cancel();
  } catch {
    // The client went away first.
  } finally {
    clearTimeout(cut);
  }
}

/** The cap for one API request: a `$batch` carries up to a thousand operations, anything else one. */
export function capFor(request: Request): number {
  const path = decodeURIComponent(new URL(request.url).pathname);
  return path.endsWith("/$batch") ? BODY_CAPS.batch : BODY_CAPS.request;
}

/**
 * Reads the body into memory, refusing it as soon as it passes `limit` bytes: at once when Content-Length says so,
 * else while it streams (a chunked body has no length to check). The request handed on carries the buffered body.
 */
export async function readCappedBody(request: Request, limit: number): Promise<CappedBody> {
  if (BODILESS.has(request.method.toUpperCase()) || !request.body) return { ok: true, request };
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { ok: false, limit };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void discardThenCut(reader);
      return { ok: false, limit };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return {
    ok: true,
    request: new Request(request.url, { method: request.method, headers: request.headers, body }),
  };
}

export const describeLimit = (limit: number) =>
  limit >= MIB ? `${limit / MIB} MB (${limit} bytes)` : `${limit / KIB} KB (${limit} bytes)`;
