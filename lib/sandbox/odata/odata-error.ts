import { toResponse, type Answer } from "./answer";

export type Dialect = "dataverse" | "business-central";

/** An error the simulated service answers with; `code` is what the real service puts in error.code. */
export class ODataServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ODataServiceError";
  }
}

/** Error codes per service for the situations the simulators reproduce. */
export const ERROR_CODES = {
  dataverse: {
    syntax: "0x80060888",
    notFound: "0x80040217",
    versionMismatch: "0x80060882",
    duplicate: "0x80040237",
    throttled: "0x80072322",
    invalidArgument: "0x80040203",
    batchTooLarge: "0x80061003",
    bodyTooLarge: "0x80040203",
  },
  "business-central": {
    syntax: "BadRequest",
    notFound: "Internal_RecordNotFound",
    versionMismatch: "Request_EntityChanged",
    duplicate: "Internal_EntityWithSameKeyExists",
    throttled: "Application_TooManyRequests",
    invalidArgument: "BadRequest_InvalidToken",
    batchTooLarge: "BadRequest",
    bodyTooLarge: "Request_EntityTooLarge",
  },
} as const;

export function badRequest(dialect: Dialect, message: string): ODataServiceError {
  return new ODataServiceError(400, ERROR_CODES[dialect].syntax, message);
}

/** The JSON error body both services use: {"error":{"code","message"}}. */
export function errorAnswer(error: ODataServiceError): Answer {
  return {
    status: error.status,
    headers: { "Content-Type": "application/json", "OData-Version": "4.0", ...error.headers },
    body: JSON.stringify({ error: { code: error.code, message: error.message } }),
  };
}

export function errorResponse(error: ODataServiceError): Response {
  return toResponse(errorAnswer(error));
}
