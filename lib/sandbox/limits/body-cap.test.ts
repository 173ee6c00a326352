import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BC_COMPANY } from "../business-central/bc-service";
import { rawRequest, secondsUntilCut } from "../test/raw-http";
import { CRM_SCOPE, ERP_SCOPE, servedSandbox, type Served } from "../test/served-sandbox";
import { BODY_CAPS, DRAIN_MS } from "./body-cap";

const MB = 1024 * 1024;
const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
/** A chunked body without a length that runs 4 MB past `cap` (a server that kept reading would end up taking it). */
const past = (cap: number, chunk = 256 * 1024) => ({ chunk, upTo: cap + 4 * MB });

describe("request body caps of the served sandboxes", () => {
  let s: Served;
  let crm: Record<string, string>;
  let erp: Record<string, string>;
  beforeAll(async () => {
    s = await servedSandbox();
    crm = { Authorization: `Bearer ${await s.token(CRM_SCOPE)}`, "Content-Type": "application/json" };
    erp = { Authorization: `Bearer ${await s.token(ERP_SCOPE)}`, "Content-Type": "application/json" };
  });
  afterAll(() => s.close());

  const companies = () => `${s.erpUrl}/companies(${BC_COMPANY.id})`;

  it("should answer 413 in Dataverse's error shape when a create declares more than 16 MB", async () => {
    // The body never comes: a server that waited to count it would not answer.
    const answer = await rawRequest(`${s.crmUrl}/accounts`, {
      headers: crm,
      contentLength: BODY_CAPS.request + 1,
      body: "hold",
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/application\/json/);
    expect(json(answer.body)).toEqual({
      error: { code: "0x80040203", message: expect.stringContaining("16 MB") as string },
    });
  });

  it("should answer 413 in Dataverse's error shape when a chunked create grows past 16 MB", async () => {
    const answer = await rawRequest(`${s.crmUrl}/accounts`, { headers: crm, body: past(BODY_CAPS.request) });
    expect(answer.status).toBe(413);
    expect(json(answer.body)).toMatchObject({ error: { code: "0x80040203" } });
  });

  it("should answer 413 in Business Central's error shape when a chunked PATCH grows past 16 MB", async () => {
    const answer = await rawRequest(`${companies()}/customers(${BC_COMPANY.id})`, {
      method: "PATCH",
      headers: { ...erp, "If-Match": "*" },
      body: past(BODY_CAPS.request),
    });
    expect(answer.status).toBe(413);
    expect(json(answer.body)).toEqual({
      error: { code: "Request_EntityTooLarge", message: expect.stringContaining("16 MB") as string },
    });
  });

  it("should take a $batch over 16 MB and refuse one over 64 MB when it streams without a length", async () => {
    const padding = "x".repeat(BODY_CAPS.request + MB);
    const within = await rawRequest(`${s.erpUrl}/$batch`, {
      headers: erp,
      body: JSON.stringify({ requests: [], padding }),
    });
    expect(within.status).toBe(200);
    const beyond = await rawRequest(`${s.erpUrl}/$batch`, { headers: erp, body: past(BODY_CAPS.batch, MB) });
    expect(beyond.status).toBe(413);
    expect(json(beyond.body)).toMatchObject({ error: { code: "Request_EntityTooLarge" } });
    const dataverse = await rawRequest(`${s.crmUrl}/$batch`, {
      headers: { ...crm, "Content-Type": "multipart/mixed; boundary=batch_1" },
      contentLength: BODY_CAPS.batch + 1,
      body: "hold",
    });
    expect(dataverse.status).toBe(413);
    expect(json(dataverse.body)).toMatchObject({ error: { code: "0x80040203" } });
  });

  it("should answer 413 in Entra ID's error shape when a token request passes 64 KB, declared or streamed", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const declared = await rawRequest(s.tokenUrl, {
      headers: form,
      contentLength: BODY_CAPS.token + 1,
      body: "hold",
    });
    const streamed = await rawRequest(s.tokenUrl, { headers: form, body: past(BODY_CAPS.token, 4096) });
    for (const answer of [declared, streamed]) {
      expect(answer.status).toBe(413);
      expect(json(answer.body)).toEqual({
        error: "invalid_request",
        error_description: expect.stringContaining("64 KB") as string,
      });
    }
  });

  it("should cut the connection when a refused chunked body keeps coming", async () => {
    const seconds = await secondsUntilCut(`${s.crmUrl}/accounts`, { headers: crm, chunk: 64 * 1024 });
    expect(seconds).toBeLessThan(DRAIN_MS / 1000 + 5);
  });

  it("should answer 401 before reading the body when the bearer token is missing", async () => {
    // The declared body never comes: a server that read it before the token would not answer.
    const answer = await rawRequest(`${s.crmUrl}/accounts`, {
      headers: { "Content-Type": "application/json" },
      contentLength: 100,
      body: "hold",
    });
    expect(answer.status).toBe(401);
  });
});
