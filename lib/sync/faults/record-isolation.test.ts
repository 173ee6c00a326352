import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRM_SCOPE, ERP_SCOPE } from "@/lib/connectors/test/sandbox-harness";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { ClientCredentialsTokens } from "@/lib/connectors/odata/token-provider";
import type { SyncRule } from "../rules/sync-rule";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

const mapping = () =>
  compileMappings([
    simpleCustomer({ direction: "erp-to-crm", fields: [{ erp: "displayName", crm: "name", direction: "erp-to-crm" }] }),
  ]);
const fastRetries = { connector: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } } };

/** §4.10: one record's failure never fails the pass; only a dead connection ends a job. */
describe.each([
  { status: 500, what: "5xx" },
  { status: 429, what: "429" },
  { status: 504, what: "a timeout" },
])("a record whose every write ends in $what", ({ status }) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(mapping(), {
      crm: { faults: { poison: { text: "Poisoned Ltd.", status }, retryAfterSeconds: 0 } },
    });
    // The poisoned record is older than the rest by more than the watermark's overlap.
    await h.seed("erp", "customers", [{ displayName: "Poisoned Ltd." }]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.seed(
      "erp",
      "customers",
      ["Good 1", "Good 2", "Good 3", "Good 4", "Good 5"].map((displayName) => ({ displayName })),
    );
  });
  afterAll(async () => h?.close());

  it("should fail that record alone after its retries and write the rest of its batch", async () => {
    const { passes } = await h.run("CUSTOMER", {}, h.context(fastRetries));
    expect(passes[0]!.status).toBe("succeeded");
    expect(passes[0]!.counters).toMatchObject({ inserted: 5, failed: 1 });
    const errors = await h.errorsOf(passes[0]!.jobId);
    const poisoned = (await h.all("erp", "customers")).find((c) => c.data.displayName === "Poisoned Ltd.")!;
    expect(errors.map((e) => [e.code, e.sourceId])).toEqual([["SERVICE_UNAVAILABLE", poisoned.id]]);
    expect((await h.all("crm", "accounts")).map((a) => a.data.name).sort()).toEqual([
      "Good 1",
      "Good 2",
      "Good 3",
      "Good 4",
      "Good 5",
    ]);
  });

  it("should try the record again on the next run although it never changed and newer records moved the watermark on", async () => {
    const { passes } = await h.run("CUSTOMER", {}, h.context(fastRetries));
    expect(passes[0]!.counters).toMatchObject({ inserted: 0, failed: 1 });
  });
});

describe("a service that refuses every write for a while", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(mapping(), {
      crm: { faults: { poison: { text: "Outage", status: 503 }, retryAfterSeconds: 0 } },
    });
    await h.seed(
      "erp",
      "customers",
      Array.from({ length: 16 }, (_, i) => ({ displayName: `Outage ${i}` })),
    );
  });
  afterAll(async () => h?.close());

  it("should stop splitting once both halves fail too, and fail the page's records without a request per record", async () => {
    let writes = 0;
    const counting = (request: Request) => (
      request.method === "POST" && request.url.includes("/sandbox/crm/") && (writes += 1),
      fetch(request)
    );
    const { passes } = await h.run(
      "CUSTOMER",
      {},
      h.context({ connector: { ...fastRetries.connector, fetch: counting } }),
    );
    expect(passes[0]!.status).toBe("succeeded");
    expect(passes[0]!.counters).toMatchObject({ inserted: 0, failed: 16 });
    // One batch and its two halves, each tried twice by the client — not 2n − 1 requests.
    expect(writes).toBe(3 * 2);
  });
});

describe("a rule that throws while preparing a page", () => {
  let h: SyncHarness;
  const breaker: SyncRule = {
    name: "test-breaker",
    appliesTo: () => true,
    preparePage: async (_ctx, _mapping, _flow, records) => {
      if (records.some((r) => r.values.displayName === "Rule Breaker")) throw new Error("cannot prepare this page");
      return () => undefined;
    },
  };
  beforeAll(async () => {
    h = await startSyncHarness(mapping());
    // The page the rule cannot prepare is older than the rest by more than the watermark's overlap.
    await h.seed(
      "erp",
      "customers",
      ["A", "Rule Breaker"].map((displayName, i) => ({ displayName, number: `R${i}` })),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.seed(
      "erp",
      "customers",
      ["B", "C"].map((displayName, i) => ({ displayName, number: `S${i}` })),
    );
  });
  afterAll(async () => h?.close());

  it("should fail that page's records with a rule error and go on with the other pages", async () => {
    const { passes } = await h.run("CUSTOMER", {}, h.context({ rules: [breaker], settings: { pageSize: 2 } }));
    expect(passes[0]!.status).toBe("succeeded");
    expect(passes[0]!.counters).toMatchObject({ inserted: 2, failed: 2 });
    const errors = await h.errorsOf(passes[0]!.jobId);
    expect(errors.map((e) => e.code)).toEqual(["RULE_PAGE_FAILED", "RULE_PAGE_FAILED"]);
    expect(errors[0]!.message).toContain("test-breaker");
  });

  it("should read those records again on the next run, the failure being the page's and not theirs", async () => {
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ inserted: 2, failed: 0 });
  });
});

describe("a connection that fails", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
    await h.seed("erp", "customers", [{ displayName: "Waiting Ltd." }]);
  });
  afterAll(async () => h?.close());

  const crmWith = (options: { serviceUrl?: string; clientSecret?: string; scope?: string }) => {
    const ctx = h.context();
    const tokens = new ClientCredentialsTokens(
      {
        tokenUrl: h.harness.tokenUrl,
        clientId: "tandem-sandbox-client",
        clientSecret: options.clientSecret ?? "tandem-sandbox-secret",
        scope: options.scope ?? CRM_SCOPE,
      },
      (r) => fetch(r),
    );
    ctx.connectors.crm = h.harness.connector("crm", {
      url: options.serviceUrl ?? `${h.harness.served.origin}${SANDBOX_PATHS.crm}`,
      tokens,
      catalog: STATIC_CATALOGS.crm,
      retry: { maxAttempts: 1 },
    });
    return ctx;
  };

  it.each([
    { what: "the token endpoint refuses the secret", options: { clientSecret: "wrong" }, says: "client id and secret" },
    {
      what: "the host cannot be reached",
      options: { serviceUrl: "http://127.0.0.1:1/api/data/v9.2" },
      says: "Check the connection's URL",
    },
    { what: "the service refuses even a fresh token", options: { scope: ERP_SCOPE }, says: "refused a fresh token" },
  ])("should end the job once, with what to fix, when $what", async ({ options, says }) => {
    const { passes } = await h.run("CUSTOMER", {}, crmWith(options));
    expect(passes).toHaveLength(1);
    expect(passes[0]!.status).toBe("failed");
    expect(passes[0]!.message).toContain("The connection failed");
    expect(passes[0]!.message).toContain(says);
    expect(await h.errorsOf(passes[0]!.jobId)).toEqual([]);
  });
});
