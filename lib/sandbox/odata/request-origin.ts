/**
 * The origin a client called, for the absolute URLs a simulated service writes (@odata.context, nextLink,
 * deltaLink, OData-EntityId, Location).
 *
 * Not `new URL(request.url).origin`: behind `next start` the route handler's request.url carries the server's
 * configured hostname (`localhost`), not what the client dialled (`127.0.0.1`), so a link built from it may not
 * resolve for that client. The headers say what the client called, and we read them as Next itself does
 * (base-server.ts, action-handler.ts): the first X-Forwarded-Host, else Host; X-Forwarded-Proto `https` or `http`,
 * else the scheme of the request URL. Next trusts these headers unconditionally (it sets them when absent), so we do
 * too; a client that forges them only changes the links in its own responses. Values that are not a plain
 * host[:port] are ignored, so a header can never inject a path or credentials into a link.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host =
    [firstValue(request.headers.get("x-forwarded-host")), firstValue(request.headers.get("host"))].find(isHost) ??
    url.host;
  const forwardedProto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
  const scheme =
    forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(/:$/, "");
  return `${scheme}://${host}`;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function isHost(value: string | undefined): value is string {
  return value !== undefined && HOST.test(value);
}

function firstValue(header: string | null): string | undefined {
  const first = header?.split(",")[0]?.trim();
  return first ? first : undefined;
}
