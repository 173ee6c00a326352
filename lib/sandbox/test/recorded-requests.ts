import { boundaryOf, parseMultipart } from "@/lib/connectors/odata/multipart";
import type { FetchLike } from "@/lib/connectors/odata/token-provider";

/** One request a connector sent, or one carried inside a $batch it sent; `url` is absolute. */
export type RecordedRequest = { method: string; url: string; inBatch: boolean };

/**
 * A `fetch` for the connectors that records every request, and the requests inside Dataverse's multipart and
 * Business Central's JSON `$batch` bodies, resolved against the batch's own URL.
 */
export function recordingFetch(): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchLike: FetchLike = async (request) => {
    requests.push({ method: request.method, url: request.url, inBatch: false });
    if (request.method === "POST" && new URL(request.url).pathname.endsWith("/$batch")) {
      for (const inner of innerRequests(request.url, request.headers.get("Content-Type"), await request.clone().text()))
        requests.push({ ...inner, inBatch: true });
    }
    return fetch(request);
  };
  return { fetch: fetchLike, requests };
}

function innerRequests(batchUrl: string, contentType: string | null, body: string): Omit<RecordedRequest, "inBatch">[] {
  const root = batchUrl.replace(/\/\$batch$/, "/");
  const boundary = boundaryOf(contentType);
  if (boundary) {
    return (
      parseMultipart(body, boundary)
        .flatMap((item) => ("message" in item ? [item.message] : item.changeset))
        // A Content-ID reference ($1) names an entity created earlier in the changeset, not a segment of the metadata.
        .filter((message) => !/^\$\d+/.test(message.url ?? ""))
        .map((message) => ({ method: message.method ?? "GET", url: new URL(message.url ?? "", root).toString() }))
    );
  }
  const requests = (JSON.parse(body) as { requests?: { method?: string; url?: string }[] }).requests ?? [];
  return requests.map((inner) => ({
    method: (inner.method ?? "GET").toUpperCase(),
    url: new URL((inner.url ?? "").replace(/^\//, ""), root).toString(),
  }));
}
