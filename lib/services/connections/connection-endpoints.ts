import { z } from "zod";

/** Pure: what an admin enters for a tenant, checked and turned into the URLs Tandem will call (and only those). */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export const isLoopbackHost = (hostname: string) => LOOPBACK.test(hostname);

/** An https URL, or plain http to a loopback address (the self-test against the app's own sandboxes). */
export const TenantUrl = z
  .string()
  .trim()
  .min(1, "enter a URL")
  .max(2048, "at most 2,048 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "not a URL: it must start with https://" });
      return;
    }
    if (url.username || url.password)
      ctx.addIssue({ code: "custom", message: "a URL must not carry a user or password" });
    if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "a URL must not carry a query or fragment" });
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return;
    ctx.addIssue({ code: "custom", message: "must use https (plain http only to a loopback address)" });
  })
  .transform((value) => value.replace(/\/+$/, ""));

export const TenantId = z
  .string()
  .trim()
  .min(1, "enter the tenant id")
  .max(256)
  .refine(
    (v) => GUID.test(v) || TENANT_DOMAIN.test(v),
    "a tenant id is a GUID or a domain such as contoso.onmicrosoft.com",
  );

const entraTokenUrl = (tenant: string) => `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`;

export type Endpoints = { baseUrl: string; tokenUrl: string; scope: string; warnings: string[] };

function hostWarning(field: string, url: string, pattern: RegExp, looksLike: string): string[] {
  const { hostname } = new URL(url);
  if (isLoopbackHost(hostname) || pattern.test(hostname)) return [];
  return [`${field}: ${hostname} does not look like ${looksLike}; fine for a custom domain, check it otherwise.`];
}

/** Dataverse: the environment URL (https://org.crm.dynamics.com) → Web API root, token URL, scope. */
export function dataverseEndpoints(input: { environmentUrl: string; tenantId?: string; tokenUrl?: string }): Endpoints {
  const environment = input.environmentUrl.replace(/\/api\/data\/v9\.\d+$/i, "");
  const tokenUrl = input.tokenUrl ?? entraTokenUrl(input.tenantId ?? "");
  return {
    baseUrl: `${environment}/api/data/v9.2`,
    tokenUrl,
    scope: `${environment}/.default`,
    warnings: [
      ...hostWarning(
        "Environment URL",
        environment,
        /\.crm\d*\.dynamics\.(com|cn)$|\.crm\.microsoftdynamics\.(de|us)$/i,
        "a Dataverse environment (…crm.dynamics.com)",
      ),
      ...hostWarning(
        "Token URL",
        tokenUrl,
        /^login\.(microsoftonline\.(com|us)|chinacloudapi\.cn|partner\.microsoftonline\.cn)$/i,
        "Entra ID (login.microsoftonline.com)",
      ),
    ],
  };
}

/** Business Central: tenant + environment (or an API root) → API root, token URL, scope. */
export function businessCentralEndpoints(input: {
  tenantId?: string;
  environment?: string;
  apiUrl?: string;
  tokenUrl?: string;
}): Endpoints {
  const baseUrl =
    input.apiUrl ??
    `https://api.businesscentral.dynamics.com/v2.0/${input.tenantId ?? ""}/${encodeURIComponent(input.environment ?? "")}/api`;
  const tokenUrl = input.tokenUrl ?? entraTokenUrl(input.tenantId ?? "");
  return {
    baseUrl,
    tokenUrl,
    scope: "https://api.businesscentral.dynamics.com/.default",
    warnings: [
      ...hostWarning(
        "API URL",
        baseUrl,
        /^api\.businesscentral\.dynamics\.com$/i,
        "Business Central (api.businesscentral.dynamics.com)",
      ),
      ...hostWarning(
        "Token URL",
        tokenUrl,
        /^login\.(microsoftonline\.(com|us)|chinacloudapi\.cn)$/i,
        "Entra ID (login.microsoftonline.com)",
      ),
    ],
  };
}
