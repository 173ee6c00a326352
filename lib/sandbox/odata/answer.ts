/**
 * A response before it becomes a Response. Batch parts are built from these directly: a thousand Response objects,
 * each read back as text, cost more than the rest of a bulk create.
 */
export type Answer = { status: number; headers: Record<string, string>; body: string | null };

const ODATA_HEADERS = { "OData-Version": "4.0" };

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { "Content-Type": "application/json; odata.metadata=minimal", ...ODATA_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function emptyAnswer(status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...ODATA_HEADERS, ...headers }, body: null };
}

export function toResponse(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** The headers as a Response lists them: lower-case names in order. */
export function listedHeaders(answer: Answer): Record<string, string> {
  const entries = Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value.trim()] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
