import http from "node:http";

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; sent: number };

export type RawSend = {
  method?: string;
  headers?: Record<string, string>;
  /**
   * Bytes to send: a fixed body; chunks of `chunk` bytes, without a length, until the server answers or `upTo` bytes
   * are sent; or `hold`: nothing, ever.
   */
  body?: string | { chunk: number; upTo: number } | "hold";
  /** Declare this Content-Length, whatever is actually sent. */
  contentLength?: number;
  /** The client's local address (any 127.x.y.z on loopback), to call from another address. */
  localAddress?: string;
};

/**
 * One request over a fresh socket, written the way a test needs it: a chunked body that never ends, a Content-Length
 * the body does not match, another source address. Resolves with the answer once it is complete.
 */
export function rawRequest(url: string, send: RawSend = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { ...send.headers };
    if (send.contentLength !== undefined) headers["Content-Length"] = send.contentLength;
    const request = http.request(url, {
      method: send.method ?? "POST",
      headers,
      localAddress: send.localAddress,
      agent: false,
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          sent,
        });
      });
    });
    const body = send.body;
    if (body === undefined) return void request.end();
    if (body === "hold") return void request.flushHeaders();
    if (typeof body === "string") {
      sent = Buffer.byteLength(body);
      return void request.end(body);
    }
    const chunk = Buffer.alloc(body.chunk, "a");
    const pump = () => {
      while (!answered && !request.destroyed) {
        if (sent >= body.upTo) return void request.end();
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}

/** How long a connection stays open while the client keeps sending a body the server has refused. */
export function secondsUntilCut(
  url: string,
  send: { headers: Record<string, string>; chunk: number },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const request = http.request(url, { method: "POST", headers: send.headers, agent: false });
    const chunk = Buffer.alloc(send.chunk, "a");
    let closed = false;
    const done = () => {
      if (closed) return;
      closed = true;
      resolve((Date.now() - started) / 1000);
    };
    request.on("error", done);
    request.on("close", done);
    request.on("response", (response) => response.resume());
    const pump = () => {
      while (!closed && !request.destroyed) if (!request.write(chunk)) return void request.once("drain", pump);
    };
    pump();
    setTimeout(() => {
      if (!closed) {
        request.destroy();
        reject(new Error("the server kept reading a refused body for 20 s"));
      }
    }, 20_000).unref();
  });
}
