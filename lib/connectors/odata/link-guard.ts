import { ConnectorError } from "./connector-error";

/**
 * Resolves a path or link (a nextLink, a deltaLink, a redirect's Location) against `base` and refuses it unless it
 * stays on `origin`: the client sends its bearer token with every request, so a link elsewhere would hand it over.
 */
export function resolveWithinOrigin(pathOrUrl: string, base: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(pathOrUrl, base);
  } catch {
    throw new ConnectorError("PROTOCOL", "The service answered a link that is not a URL");
  }
  if (url.origin !== origin)
    throw new ConnectorError(
      "FOREIGN_ORIGIN",
      `Refused a link to ${url.protocol}//${url.host}: it leaves the connection's origin ${origin}`,
    );
  return url.toString();
}
