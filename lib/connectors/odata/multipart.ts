/** An HTTP request or response carried inside a multipart $batch body. */
export type HttpMessage = {
  /** Request: "POST https://…/accounts"; response: status 204. */
  method?: string;
  url?: string;
  status?: number;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
};

export type BatchItem = { message: HttpMessage } | { changeset: HttpMessage[] };

const CRLF = "\r\n";
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  412: "Precondition Failed",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}${CRLF}`)
    .join("");
}

function httpPart(message: HttpMessage): string {
  const outer = `Content-Type: application/http${CRLF}Content-Transfer-Encoding: binary${CRLF}${message.contentId ? `Content-ID: ${message.contentId}${CRLF}` : ""}${CRLF}`;
  const start =
    message.status !== undefined
      ? `HTTP/1.1 ${message.status} ${STATUS_TEXT[message.status] ?? ""}`.trimEnd()
      : `${message.method} ${message.url} HTTP/1.1`;
  return `${outer}${start}${CRLF}${headerLines(message.headers)}${CRLF}${message.body}`;
}

/** Builds a multipart/mixed batch body; changesets nest their own boundary. */
export function buildMultipart(
  boundary: string,
  items: BatchItem[],
  changesetBoundary: (index: number) => string,
): string {
  let body = "";
  items.forEach((item, index) => {
    body += `--${boundary}${CRLF}`;
    if ("message" in item) {
      body += `${httpPart(item.message)}${CRLF}`;
    } else {
      const inner = changesetBoundary(index);
      body += `Content-Type: multipart/mixed; boundary=${inner}${CRLF}${CRLF}`;
      for (const message of item.changeset) body += `--${inner}${CRLF}${httpPart(message)}${CRLF}`;
      body += `--${inner}--${CRLF}`;
    }
  });
  return `${body}--${boundary}--${CRLF}`;
}

export function boundaryOf(contentType: string | null): string | null {
  const match = /boundary="?([^";]+)"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

function splitHeaders(block: string): { headers: Record<string, string>; rest: string } {
  const normalized = block.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const rest = end === -1 ? "" : normalized.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, rest };
}

function parts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  return body
    .split(delimiter)
    .slice(1)
    .filter((part) => !part.startsWith("--"))
    .map((part) => part.replace(/^\r?\n/, "").replace(/\r?\n$/, ""));
}

function parseHttp(text: string, contentId: string | undefined): HttpMessage {
  const normalized = text.replace(/\r\n/g, "\n");
  const firstBreak = normalized.indexOf("\n");
  const startLine = firstBreak === -1 ? normalized : normalized.slice(0, firstBreak);
  const { headers, rest } = splitHeaders(firstBreak === -1 ? "" : normalized.slice(firstBreak + 1));
  const status = /^HTTP\/1\.1 (\d{3})/.exec(startLine);
  if (status) return { status: Number(status[1]), headers, body: rest.trimEnd(), contentId };
  const request = /^([A-Z]+) (\S+) HTTP\/1\.1$/.exec(startLine.trim());
  if (!request) throw new Error(`Malformed batch part: "${startLine.slice(0, 80)}"`);
  return { method: request[1], url: request[2], headers, body: rest.trimEnd(), contentId };
}

/** Reads a multipart/mixed batch body (request or response) into items; throws on malformed input. */
export function parseMultipart(body: string, boundary: string): BatchItem[] {
  return parts(body, boundary).map((part) => {
    const { headers, rest } = splitHeaders(part);
    const inner = boundaryOf(headers["content-type"] ?? null);
    if (inner && /multipart\/mixed/i.test(headers["content-type"] ?? "")) {
      return {
        changeset: parts(rest, inner).map((p) => {
          const { headers: h, rest: r } = splitHeaders(p);
          return parseHttp(r, h["content-id"]);
        }),
      };
    }
    return { message: parseHttp(rest, headers["content-id"]) };
  });
}
