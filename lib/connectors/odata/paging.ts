import type { ODataClient } from "./odata-client";

export type ODataPage = {
  value?: Record<string, unknown>[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  "@odata.count"?: number;
};

/**
 * Follows @odata.nextLink from the first page to the last, resolving relative links against the page that carried
 * them and sending the same headers (Prefer: odata.maxpagesize) each time. Returns the last page.
 */
export async function* followPages(
  client: ODataClient,
  firstUrl: string,
  headers: Record<string, string>,
): AsyncGenerator<ODataPage, ODataPage> {
  let url = client.resolve(firstUrl);
  for (;;) {
    const page = await client.json<ODataPage>(url, { headers });
    const next = page["@odata.nextLink"];
    if (!next) return page;
    yield page;
    url = client.resolve(next, url);
  }
}

/** ISO instants compare as text once normalised to UTC with milliseconds. */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  const normalized = [a, b].filter((x): x is string => Boolean(x)).map((x) => new Date(x).toISOString());
  return normalized.length ? normalized.sort().at(-1)! : null;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
