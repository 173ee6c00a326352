import { errorResponse, ODataServiceError } from "./odata-error";

const ODATA_HEADERS = { "OData-Version": "4.0" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; odata.metadata=minimal", ...ODATA_HEADERS, ...headers } });
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...ODATA_HEADERS, ...headers } });
}

export async function readJsonBody(request: Request, dialect: "dataverse" | "business-central"): Promise<Record<string, unknown>> {
  const text = await request.text();
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch {
    throw new ODataServiceError(400, dialect === "dataverse" ? "0x80040333" : "BadRequest", "The request body is not valid JSON for an entity.");
  }
}

/** Runs a handler and turns service errors into the service's error JSON. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ODataServiceError) return errorResponse(error);
    console.error("[sandbox] unexpected error:", error);
    return errorResponse(new ODataServiceError(500, "InternalServerError", "The sandbox failed to process the request."));
  }
}
