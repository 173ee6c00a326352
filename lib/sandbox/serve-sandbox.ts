import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { SANDBOX_PATHS, type SandboxRuntime } from "./sandbox-runtime";

export type ServedSandbox = { origin: string; close: () => Promise<void>; requests: () => number };

/**
 * Routes a request to the simulators by path, as the app's route handlers do. `clientAddress` is the caller's
 * network address (the token endpoint limits requests per address); in-process callers pass none.
 */
export function routeSandbox(runtime: SandboxRuntime, request: Request, clientAddress?: string): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path.startsWith(SANDBOX_PATHS.crm)) return runtime.handle("crm", request);
  if (path.startsWith(SANDBOX_PATHS.erp)) return runtime.handle("erp", request);
  if (path.startsWith(SANDBOX_PATHS.token) && path.endsWith("/oauth2/v2.0/token"))
    return runtime.token(request, clientAddress);
  return Promise.resolve(new Response("Not Found", { status: 404 }));
}

/** A test's look at each request before it is handled (e.g. to kill the client while the service works on it). */
export type BeforeRequest = (request: { method: string; url: string; body: string }) => Promise<void>;

function toRequest(incoming: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const bodiless = incoming.method === "GET" || incoming.method === "HEAD";
  // The body streams: the simulators read it under their caps instead of this server buffering it whole.
  return new Request(`http://${incoming.headers.host}${incoming.url}`, {
    method: incoming.method,
    headers,
    body: bodiless ? undefined : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>),
    duplex: "half",
  } as RequestInit);
}

/** Serves both sandboxes on a loopback port over real HTTP (tests, benchmarks, `tandem sandbox serve`). */
export async function serveSandbox(
  runtime: SandboxRuntime,
  port = 0,
  beforeRequest?: BeforeRequest,
): Promise<ServedSandbox> {
  let count = 0;
  const server = http.createServer(async (incoming, outgoing) => {
    count++;
    try {
      let request = toRequest(incoming);
      if (beforeRequest) {
        const body = request.body ? await request.text() : "";
        await beforeRequest({ method: incoming.method ?? "GET", url: incoming.url ?? "", body });
        request = new Request(request.url, { method: request.method, headers: request.headers, body: body || null });
      }
      const response = await routeSandbox(runtime, request, incoming.socket.remoteAddress ?? "unknown");
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      outgoing.writeHead(response.status, responseHeaders);
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      if (!outgoing.headersSent) outgoing.writeHead(500, { "Content-Type": "text/plain" });
      outgoing.end(`sandbox server error: ${(error as Error).message}`);
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
