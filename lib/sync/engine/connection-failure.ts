import { ConnectorError, isConnectionFailure } from "@/lib/connectors/odata/connector-error";

const FIX: Record<string, string> = {
  TOKEN: "Check the connection's client id and secret, and that the app registration may sign in to this tenant.",
  NETWORK: "Check the connection's URL, and that this server can reach the service (DNS, firewall, proxy).",
  UNAUTHORIZED:
    "The service refused a fresh token: check that the app is set up as an enabled application user (Dataverse) or has API access to the environment (Business Central).",
};

/** A job's message for a failure that ends it: what happened and, for a dead connection, what to fix. */
export function passFailureMessage(error: unknown): { message: string; connection: boolean } {
  const text = error instanceof Error ? error.message : String(error);
  if (!isConnectionFailure(error)) return { message: text, connection: false };
  return {
    message: `The connection failed, so the job stopped: ${text}. ${FIX[(error as ConnectorError).code]}`,
    connection: true,
  };
}
