import { buildMultipart, boundaryOf, parseMultipart, type HttpMessage } from "@/lib/connectors/odata/multipart";
import type { RawSandbox } from "./sandbox-client";

export type Part = { method: string; url: string; body?: unknown; prefer?: string; contentId: string };

/** Sends a multipart $batch of independent parts and reads back the answers. */
export async function crmBatch(
  s: RawSandbox,
  parts: Part[],
  prefer = "odata.continue-on-error",
): Promise<HttpMessage[]> {
  const items = parts.map((p) => ({
    message: {
      method: p.method,
      url: p.url,
      headers: { "Content-Type": "application/json; type=entry", ...(p.prefer ? { Prefer: p.prefer } : {}) },
      body: typeof p.body === "string" ? p.body : p.body === undefined ? "" : JSON.stringify(p.body),
      contentId: p.contentId,
    },
  }));
  const response = await s.crm("$batch", {
    method: "POST",
    headers: { "Content-Type": "multipart/mixed; boundary=batch_t", ...(prefer ? { Prefer: prefer } : {}) },
    body: buildMultipart("batch_t", items, () => "cs"),
  });
  if (response.status !== 200) throw new Error(`$batch answered ${response.status}: ${await response.text()}`);
  return parseMultipart(await response.text(), boundaryOf(response.headers.get("Content-Type"))!).flatMap((item) =>
    "message" in item ? [item.message] : item.changeset,
  );
}

/** The same parts with a GET after each, so every POST stands alone and takes the single-request path. */
export const oneByOne = (parts: Part[], get: string): Part[] =>
  parts.flatMap((p, i) => [p, { method: "GET", url: get, contentId: `get${i}` }]);

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/**
 * Answers with what differs between two runs of the same parts masked: ids become labels in order of first
 * appearance, ETags, versions and times placeholders. Anything else must be identical.
 */
export function masked(answers: { status?: number; headers: Record<string, string>; body?: unknown }[]): string {
  const labels = new Map<string, string>();
  const label = (id: string) =>
    labels.get(id.toLowerCase()) ?? (labels.set(id.toLowerCase(), `<id${labels.size}>`), `<id${labels.size - 1}>`);
  const plain = answers.map((a) => ({
    status: a.status,
    headers: a.headers,
    body: typeof a.body === "string" ? parsed(a.body) : a.body,
  }));
  return JSON.stringify(plain, null, 1)
    .replace(GUID, label)
    .replace(/W\/\\"[^"\\]+\\"/g, 'W/\\"<etag>\\"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>")
    .replace(/"versionnumber":\s*\d+/g, '"versionnumber": <n>');
}
