import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLIENT } from "../sandbox-settings";
import { rawRequest } from "../test/raw-http";
import { CRM_SCOPE, servedSandbox, type Served } from "../test/served-sandbox";

const form = (secret: string) =>
  new URLSearchParams({
    grant_type: "client_credentials",
    client_id: DEMO_CLIENT.clientId,
    client_secret: secret,
    scope: CRM_SCOPE,
  }).toString();

describe("the served sandbox token endpoint", () => {
  let s: Served;
  beforeAll(async () => {
    s = await servedSandbox({ tokenRateLimit: { requests: 3, windowSeconds: 60 } });
  });
  afterAll(() => s.close());

  const ask = (secret: string, localAddress: string) =>
    rawRequest(s.tokenUrl, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form(secret),
      localAddress,
    });

  it("should answer 429 with Retry-After when one address asks too often, and still serve another", async () => {
    const guesses = [];
    for (let i = 0; i < 3; i++) guesses.push((await ask(`guess-${i}`, "127.0.0.2")).status);
    expect(guesses).toEqual([401, 401, 401]);
    const throttled = await ask(DEMO_CLIENT.clientSecret, "127.0.0.2");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(throttled.body)).toMatchObject({ error: "temporarily_unavailable" });
    const other = await ask(DEMO_CLIENT.clientSecret, "127.0.0.3");
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body)).toHaveProperty("access_token");
  });
});
