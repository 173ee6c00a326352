import type { ConnectorError, ConnectorErrorCode } from "../odata/connector-error";

/** What an OData client tells about its traffic: the numbers its throttling sees, kept for the service's budget. */
export interface RequestMeter {
  sent(): void;
  throttled(): void;
  succeeded(): void;
  failed(error: ConnectorError): void;
}

/** Failures that say the connection itself is in trouble, not one record: the dashboard's "failing". */
const CONNECTION_CODES = new Set<ConnectorErrorCode>([
  "NETWORK",
  "TIMEOUT",
  "TOKEN",
  "UNAUTHORIZED",
  "THROTTLED",
  "SERVER_ERROR",
  "FOREIGN_ORIGIN",
]);

export const isConnectionFailure = (code: ConnectorErrorCode): boolean => CONNECTION_CODES.has(code);

/** Both services allow 6,000 requests per user in any 5-minute window (service protection limits). */
export const SERVICE_BUDGET = { requests: 6000, windowMinutes: 5 } as const;
