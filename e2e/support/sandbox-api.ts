import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_CLIENT } from "../../lib/sandbox/sandbox-settings";

/** The ERP sandbox's API over HTTP, as any Business Central client would call it. */
export async function erpApi(request: APIRequestContext) {
  const tokenResponse = await request.post("/sandbox/auth/tandem/oauth2/v2.0/token", {
    form: {
      grant_type: "client_credentials",
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
      scope: "https://api.businesscentral.dynamics.com/.default",
    },
  });
  expect(tokenResponse.status()).toBe(200);
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const companies = (await (await request.get("/sandbox/erp/api/v2.0/companies", { headers })).json()) as {
    value: { id: string }[];
  };
  const base = `/sandbox/erp/api/v2.0/companies(${companies.value[0]!.id})`;
  return {
    async create(entitySet: string, values: Record<string, unknown>): Promise<{ id: string }> {
      const response = await request.post(`${base}/${entitySet}`, { headers, data: values });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string };
    },
    async update(entitySet: string, id: string, values: Record<string, unknown>): Promise<void> {
      const response = await request.patch(`${base}/${entitySet}(${id})`, {
        headers: { ...headers, "If-Match": "*" },
        data: values,
      });
      expect(response.status(), await response.text()).toBe(200);
    },
  };
}
