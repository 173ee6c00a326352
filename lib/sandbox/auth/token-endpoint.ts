import type { SystemSide } from "@/db/schema/enums";
import { BODY_CAPS, describeLimit, readCappedBody } from "../limits/body-cap";
import type { SandboxSettings } from "../sandbox-settings";
import { sameSecret } from "./same-secret";
import type { SandboxTokens } from "./sandbox-tokens";

/** Entra ID's error body: {error, error_description}. */
function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}) {
  return Response.json(
    { error, error_description: description },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** Too many token requests from one address: 429 with Retry-After, as Entra ID throttles. */
export function tokenThrottled(retryAfterSeconds: number): Response {
  return oauthError(
    429,
    "temporarily_unavailable",
    `Too many token requests from this address; retry after ${retryAfterSeconds} seconds.`,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** Which sandbox a token is for, from the scope a client asks for (as Entra ID's resource scopes do). */
export function systemOfScope(scope: string): SystemSide | null {
  if (/businesscentral|\/erp\b|sandbox-erp/i.test(scope)) return "erp";
  if (/dynamics\.com|\/crm\b|sandbox-crm/i.test(scope)) return "crm";
  return null;
}

/** POST …/oauth2/v2.0/token with grant_type=client_credentials, like login.microsoftonline.com. */
export async function handleTokenRequest(
  request: Request,
  tokens: SandboxTokens,
  settingsOf: (system: SystemSide) => Promise<SandboxSettings>,
): Promise<Response> {
  if (request.method !== "POST")
    return oauthError(405, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.");
  const body = await readCappedBody(request, BODY_CAPS.token);
  if (!body.ok)
    return oauthError(413, "invalid_request", `The request body is larger than ${describeLimit(body.limit)}.`);
  const form = new URLSearchParams(await body.request.text());
  if (form.get("grant_type") !== "client_credentials")
    return oauthError(
      400,
      "unsupported_grant_type",
      "AADSTS70003: The app requested an unsupported grant type; use client_credentials.",
    );
  const system = systemOfScope(form.get("scope") ?? "");
  if (!system)
    return oauthError(
      400,
      "invalid_scope",
      "AADSTS70011: The provided value for the input parameter 'scope' is not valid.",
    );
  const settings = await settingsOf(system);
  const client = settings.clients.find((c) => c.clientId === form.get("client_id"));
  if (!client)
    return oauthError(
      400,
      "unauthorized_client",
      `AADSTS700016: Application with identifier '${form.get("client_id") ?? ""}' was not found.`,
    );
  if (!sameSecret(form.get("client_secret"), client.clientSecret))
    return oauthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
  const accessToken = await tokens.issue(system, client.clientId, settings.tokenLifetimeSeconds);
  return Response.json(
    {
      token_type: "Bearer",
      expires_in: settings.tokenLifetimeSeconds,
      ext_expires_in: settings.tokenLifetimeSeconds,
      access_token: accessToken,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
