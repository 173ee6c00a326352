import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./test/raw-http";
import { CRM_SCOPE, ERP_SCOPE, servedSandbox, type Served } from "./test/served-sandbox";

/** Injected faults are for authenticated clients: a request without a valid token meets none of them. */
describe("the served sandboxes check the bearer token first", () => {
  let s: Served;
  beforeAll(async () => {
    s = await servedSandbox({
      settings: {
        crm: { faults: { serverErrorRate: 1 } },
        erp: { faults: { latencyMs: 10_000, throttleRate: 1 } },
      },
    });
  });
  afterAll(() => s.close());

  it("should answer 401 at once when an injected delay and 429 await authenticated requests", async () => {
    const started = Date.now();
    const answer = await rawRequest(`${s.erpUrl}/companies`, { method: "GET" });
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toContain("invalid_token");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("should answer 401 when an injected 503 awaits authenticated requests, and the 503 to a valid token", async () => {
    const anonymous = await rawRequest(`${s.crmUrl}/WhoAmI`, { method: "GET" });
    expect(anonymous.status).toBe(401);
    const forged = await rawRequest(`${s.crmUrl}/WhoAmI`, {
      method: "GET",
      headers: { Authorization: "Bearer not-a-token" },
    });
    expect(forged.status).toBe(401);
    const wrongSystem = await rawRequest(`${s.crmUrl}/WhoAmI`, {
      method: "GET",
      headers: { Authorization: `Bearer ${await s.token(ERP_SCOPE)}` },
    });
    expect(wrongSystem.status).toBe(401);
    const valid = await rawRequest(`${s.crmUrl}/WhoAmI`, {
      method: "GET",
      headers: { Authorization: `Bearer ${await s.token(CRM_SCOPE)}` },
    });
    expect(valid.status).toBe(503);
  });
});
