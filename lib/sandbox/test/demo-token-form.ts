import { DEMO_CLIENT } from "../sandbox-settings";

export const CRM_SCOPE = "https://sandbox-crm/.default";
export const ERP_SCOPE = "https://api.businesscentral.dynamics.com/.default";

/** The client-credentials form the demo client posts to the sandboxes' token endpoint. */
export function demoTokenForm(scope: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: "client_credentials",
    client_id: DEMO_CLIENT.clientId,
    client_secret: DEMO_CLIENT.clientSecret,
    scope,
  });
}
