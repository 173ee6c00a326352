import { ConnectorError } from "../odata/connector-error";

/** One line of Test connection: what was tried, whether it held, and what to fix when it did not. */
export type AccessCheck = {
  id: "token" | "service" | "user" | "company" | "read";
  label: string;
  status: "ok" | "failed" | "warning" | "skipped";
  message: string;
  /** What the admin should change, when the check failed. */
  fix?: string;
};

export const ok = (id: AccessCheck["id"], label: string, message: string): AccessCheck => ({
  id,
  label,
  status: "ok",
  message,
});

export const failed = (id: AccessCheck["id"], label: string, message: string, fix: string): AccessCheck => ({
  id,
  label,
  status: "failed",
  message,
  fix,
});

export const skipped = (id: AccessCheck["id"], label: string): AccessCheck => ({
  id,
  label,
  status: "skipped",
  message: "Not tried: an earlier check failed.",
});

/** The token check: Entra ID (or the sandbox) issued a token for the client, or why not. */
export async function checkToken(token: () => Promise<string>, tokenUrl: string): Promise<AccessCheck> {
  const label = "Token";
  try {
    await token();
    return ok("token", label, `The token endpoint ${new URL(tokenUrl).host} issued a token for the client.`);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === "NETWORK")
      return failed(
        "token",
        label,
        `The token endpoint ${safeHost(tokenUrl)} cannot be reached.`,
        "Check the tenant id (or token URL) and that this server can reach it.",
      );
    if (error instanceof ConnectorError && error.code === "TOKEN")
      return failed(
        "token",
        label,
        `The token endpoint refused the client: ${error.message.replace(/^The token endpoint refused client \S+: /, "")}`,
        "Check the client id and the client secret of the app registration (a secret that expired must be replaced), and the tenant id.",
      );
    return failed("token", label, describe(error), "Check the token URL.");
  }
}

/** A failure of the service call itself, in words: unreachable host, refused token, or what the service said. */
export function serviceFailure(
  id: AccessCheck["id"],
  label: string,
  error: unknown,
  url: string,
  notService: string,
  refusedFix: string,
): AccessCheck {
  if (error instanceof ConnectorError) {
    if (error.code === "NETWORK" || error.code === "TIMEOUT")
      return failed(
        id,
        label,
        `The host ${safeHost(url)} cannot be reached.`,
        "Check the URL and that this server can reach it.",
      );
    if (error.code === "UNAUTHORIZED")
      return failed(id, label, "The service refused the token it was given.", refusedFix);
    if (error.code === "NOT_FOUND" || error.code === "PROTOCOL" || error.code === "BAD_REQUEST")
      return failed(id, label, `${url} is not ${notService}.`, `Enter the URL of ${notService}.`);
    if (error.code === "FOREIGN_ORIGIN")
      return failed(id, label, error.message, "Enter the service's own URL, not one that redirects elsewhere.");
  }
  return failed(id, label, describe(error), "Try again; if it persists, check the service's status.");
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
