import { emptyAnswer, jsonAnswer, toResponse, type Answer } from "./answer";
import { errorAnswer, ODataServiceError } from "./odata-error";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return toResponse(jsonAnswer(body, status, headers));
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return toResponse(emptyAnswer(status, headers));
}

export async function readJsonBody(
  request: Request,
  dialect: "dataverse" | "business-central",
): Promise<Record<string, unknown>> {
  return parseJsonBody(await request.text(), dialect);
}

export function parseJsonBody(text: string, dialect: "dataverse" | "business-central"): Record<string, unknown> {
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch {
    throw new ODataServiceError(
      400,
      dialect === "dataverse" ? "0x80040333" : "BadRequest",
      "The request body is not valid JSON for an entity.",
    );
  }
}

/** Runs a handler and turns service errors into the service's error JSON. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return toResponse(failureAnswer(error));
  }
}

/** A service error as the service's error JSON; anything else as a 500. */
export function failureAnswer(error: unknown, log = true): Answer {
  if (error instanceof ODataServiceError) return errorAnswer(error);
  if (log) console.error("[sandbox] unexpected error:", error);
  return errorAnswer(new ODataServiceError(500, "InternalServerError", "The sandbox failed to process the request."));
}
