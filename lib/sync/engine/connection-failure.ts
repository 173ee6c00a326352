import type { Connector } from "@/lib/connectors/connector";
import { ConnectorError, isConnectionFailure } from "@/lib/connectors/odata/connector-error";
import type { Side } from "@/lib/mapping/model/direction";

const FIX: Record<string, string> = {
  TOKEN: "Check the connection's client id and secret, and that the app registration may sign in to this tenant.",
  NETWORK: "Check the connection's URL, and that this server can reach the service (DNS, firewall, proxy).",
};

/** Either system may have refused: each connector says what to check on its side. */
function unauthorizedFix(connectors: Record<Side, Connector>): string {
  const checks = [connectors.crm, connectors.erp].map((c) => `${c.accessHint} (${c.displayName})`);
  return `The service refused a fresh token: check that ${checks.join(", or that ")}.`;
}

/** A job's message for a failure that ends it: what happened and, for a dead connection, what to fix. */
export function passFailureMessage(
  error: unknown,
  connectors: Record<Side, Connector>,
): { message: string; connection: boolean } {
  const text = error instanceof Error ? error.message : String(error);
  if (!isConnectionFailure(error)) return { message: text, connection: false };
  const code = (error as ConnectorError).code;
  const fix = code === "UNAUTHORIZED" ? unauthorizedFix(connectors) : FIX[code];
  return { message: `The connection failed, so the job stopped: ${text}. ${fix}`, connection: true };
}
