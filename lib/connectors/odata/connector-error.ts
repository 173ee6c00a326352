export const CONNECTOR_ERROR_CODES = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PRECONDITION_FAILED",
  "PRECONDITION_REQUIRED",
  "CONFLICT",
  "THROTTLED",
  "BAD_REQUEST",
  "SERVER_ERROR",
  "TIMEOUT",
  "NETWORK",
  "TOKEN",
  "PROTOCOL",
  "UNSUPPORTED",
  /** A create met the record its idempotency key already made. */
  "DUPLICATE",
  /** A link or redirect led away from the connection's origin; the client does not follow it with its token. */
  "FOREIGN_ORIGIN",
] as const;
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

/** A failed call to a connected system: a stable code, the HTTP status and the service's own error code and message. */
export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly details: { status?: number; serviceCode?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "ConnectorError";
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function codeForStatus(status: number): ConnectorErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 412) return "PRECONDITION_FAILED";
  if (status === 428) return "PRECONDITION_REQUIRED";
  if (status === 429) return "THROTTLED";
  if (status === 408 || status === 504) return "TIMEOUT";
  if (status >= 500) return "SERVER_ERROR";
  return "BAD_REQUEST";
}

/** Reads an OData error body ({"error":{"code","message"}}) into a typed error; tolerates anything else. */
export function errorFromResponse(status: number, text: string, retryAfterMs?: number): ConnectorError {
  let serviceCode: string | undefined;
  let message = text.slice(0, 500) || `HTTP ${status}`;
  try {
    const body = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown } | string;
      error_description?: unknown;
    };
    if (body.error && typeof body.error === "object") {
      serviceCode = typeof body.error.code === "string" ? body.error.code : undefined;
      if (typeof body.error.message === "string") message = body.error.message;
    } else if (typeof body.error === "string") {
      serviceCode = body.error;
      if (typeof body.error_description === "string") message = body.error_description;
    }
  } catch {
    // not JSON: keep the text
  }
  return new ConnectorError(codeForStatus(status), message, { status, serviceCode, retryAfterMs });
}

/**
 * Failures of the connection itself, not of one request: the token endpoint refused the credentials, the host cannot
 * be reached, or the service refused a fresh token. Nothing else in the job can succeed until someone fixes them.
 */
export function isConnectionFailure(error: unknown): boolean {
  return (
    error instanceof ConnectorError &&
    (error.code === "TOKEN" || error.code === "NETWORK" || error.code === "UNAUTHORIZED")
  );
}

/**
 * A request-level failure as the failed result of each operation the request carried; `resendable` (default) marks
 * it `wholeRequest`, so the caller may send the operation again in a smaller request.
 */
export function failedOperation(
  operation: { ref?: string; id?: string },
  error: ConnectorError,
  resendable = true,
): {
  ok: false;
  ref?: string;
  id?: string;
  error: { code: ConnectorErrorCode; status?: number; serviceCode?: string; message: string; wholeRequest?: boolean };
} {
  return {
    ok: false,
    ref: operation.ref,
    id: operation.id,
    error: {
      code: error.code,
      status: error.status,
      serviceCode: error.details.serviceCode,
      message: error.message,
      ...(resendable ? { wholeRequest: true } : {}),
    },
  };
}
