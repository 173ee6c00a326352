import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { auditLog, connections, couplings } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activePairId } from "@/lib/integration/integration-connections";
import { prepareIntegration } from "@/lib/integration/first-start";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SandboxRuntime } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT, SANDBOX_EDITOR_USER_ID } from "@/lib/sandbox/sandbox-settings";
import { resetSandbox } from "@/lib/sandbox/seed-sandbox";
import { serveSandbox, type ServedSandbox } from "@/lib/sandbox/serve-sandbox";
import type { FullSyncStatus } from "../sync/get-full-sync";
import { getDashboard } from "../dashboard/get-dashboard";
import { getReconciliation, startReconciliation } from "../reconciliation/reconciliation-verbs";
import { runFullSyncInProcess } from "../sync/run-full-sync-in-process";
import { listConnections } from "./list-connections";
import { activateConnection, saveConnection } from "./save-connection";
import { testConnection } from "./test-connection";

const KEY = "11".repeat(32);

/** The app's own sandboxes addressed as a real tenant: their loopback URLs, token endpoint and demo client. */
const realForms = (origin: string) => ({
  crm: {
    system: "crm",
    name: "Sales over HTTP",
    environmentUrl: `${origin}/sandbox/crm`,
    tokenUrl: `${origin}/sandbox/auth/self-test/oauth2/v2.0/token`,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
  },
  erp: {
    system: "erp",
    name: "Business Central over HTTP",
    apiUrl: `${origin}/sandbox/erp/api`,
    tokenUrl: `${origin}/sandbox/auth/self-test/oauth2/v2.0/token`,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    companyId: BC_COMPANY.id,
  },
});

const counts = (status: FullSyncStatus) =>
  status.lines.map((l) => ({
    mapping: l.mapping,
    status: l.status,
    erpToCrm: l.erpToCrm && { ...l.erpToCrm, jobId: undefined },
    crmToErp: l.crmToErp && { ...l.crmToErp, jobId: undefined },
  }));

describeEachDriver("connections", (database: () => TestDatabase) => {
  let served: ServedSandbox;
  let restricted: ServedSandbox;
  let personal: ServedSandbox;
  const db = () => database().db;
  const lastAudit = async () => (await db().select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1))[0];

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", KEY);
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    served = await serveSandbox(new SandboxRuntime({ db: db() }));
    restricted = await serveSandbox(new SandboxRuntime({ db: db(), settings: { crm: { deniedReads: ["accounts"] } } }));
    personal = await serveSandbox(
      new SandboxRuntime({ db: db(), settings: { crm: { applicationUserId: SANDBOX_EDITOR_USER_ID } } }),
    );
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([served?.close(), restricted?.close(), personal?.close()]);
  });

  it("should pass every check when the app's own sandboxes are tested as a real tenant over HTTP", async () => {
    const ctx = await contextAs(db(), "admin");
    for (const form of Object.values(realForms(served.origin))) {
      const result = await testConnection({ ctx, input: form });
      expect(result.checks.filter((c) => c.status !== "ok")).toEqual([]);
      expect(result.ok).toBe(true);
    }
    const erp = await testConnection({ ctx, input: { ...realForms(served.origin).erp, companyId: undefined } });
    expect(erp.companies?.map((c) => c.id)).toContain(BC_COMPANY.id);
    expect(erp.checks.find((c) => c.id === "company")).toMatchObject({
      status: "failed",
      fix: expect.stringMatching(/Pick one of/),
    });
  });

  it.each([
    [
      "the secret is wrong",
      (o: string) => ({ ...realForms(o).crm, clientSecret: "wrong" }),
      "token",
      /refused the client/,
    ],
    ["the host cannot be reached", () => ({ ...realForms("http://127.0.0.1:9").crm }), "token", /cannot be reached/],
    [
      "the URL is not a Dataverse Web API",
      (o: string) => ({ ...realForms(o).crm, environmentUrl: `${o}/sandbox/erp` }),
      "service",
      /is not a Dataverse Web API/,
    ],
  ] as const)("should say what to fix when %s", async (_what, form, id, message) => {
    const ctx = await contextAs(db(), "admin");
    const result = await testConnection({ ctx, input: form(served.origin) });
    expect(result.ok).toBe(false);
    const check = result.checks.find((c) => c.status === "failed");
    expect(check).toMatchObject({ id, message: expect.stringMatching(message), fix: expect.any(String) });
  });

  it("should name the table when the integration user lacks read on accounts", async () => {
    const ctx = await contextAs(db(), "admin");
    const result = await testConnection({ ctx, input: realForms(restricted.origin).crm });
    expect(result.checks.find((c) => c.status === "failed")).toMatchObject({
      id: "read",
      message: "The integration user lacks read on accounts.",
    });
  });

  it("should refuse a normal licensed user as the integration user", async () => {
    const ctx = await contextAs(db(), "admin");
    const result = await testConnection({ ctx, input: realForms(personal.origin).crm });
    expect(result.checks.find((c) => c.id === "user")).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/normal licensed user, not an application user/),
    });
  });

  it("should refuse plain http to a remote host with a field error and save nothing", async () => {
    const ctx = await contextAs(db(), "admin");
    const before = await db().select().from(connections);
    await expect(
      saveConnection({
        ctx,
        input: { ...realForms(served.origin).crm, environmentUrl: "http://contoso.crm.dynamics.com" },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { environmentUrl: ["must use https (plain http only to a loopback address)"] },
    });
    expect(await db().select().from(connections)).toHaveLength(before.length);
  });

  it("should warn but save when a host does not look like the service's", async () => {
    const ctx = await contextAs(db(), "admin");
    const { warnings, connection } = await saveConnection({
      ctx,
      input: {
        system: "crm",
        environmentUrl: "https://crm.contoso.example",
        tenantId: "contoso.onmicrosoft.com",
        clientId: "app",
        clientSecret: "s3cret-value",
        activate: false,
      },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/crm\.contoso\.example does not look like a Dataverse environment/),
    ]);
    expect(connection).toMatchObject({
      active: false,
      secretSet: true,
      tokenUrl: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
      baseUrl: "https://crm.contoso.example/api/data/v9.2",
    });
    expect(JSON.stringify(connection)).not.toContain("s3cret-value");
    expect(JSON.stringify(await lastAudit())).not.toContain("s3cret-value");
    const [row] = await db().select().from(connections).where(eq(connections.id, connection.id));
    expect(row!.clientSecretEncrypted).not.toContain("s3cret-value");
    // An edit without a secret keeps the stored one.
    await saveConnection({
      ctx,
      input: {
        system: "crm",
        id: connection.id,
        environmentUrl: "https://crm.contoso.example",
        tenantId: "contoso.onmicrosoft.com",
        clientId: "app2",
        activate: false,
      },
    });
    const [edited] = await db().select().from(connections).where(eq(connections.id, connection.id));
    expect(edited).toMatchObject({ clientId: "app2", clientSecretEncrypted: row!.clientSecretEncrypted });
  });

  it("should refuse connection changes when the user is a viewer", async () => {
    const ctx = await contextAs(db(), "viewer");
    await expect(saveConnection({ ctx, input: realForms(served.origin).crm })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(testConnection({ ctx, input: realForms(served.origin).crm })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listConnections({ ctx })).resolves.toMatchObject({ connections: expect.any(Array) });
  });

  it("should end a full synchronization with the same counts over HTTP as on the built-in sandbox connection, in a pair of its own", async () => {
    const ctx = await contextAs(db(), "admin");
    const builtInPair = await activePairId(db());
    const builtIn = await runFullSyncInProcess({ ctx });
    const builtInCouplings = await db().select().from(couplings).where(eq(couplings.pairId, builtInPair));
    expect(builtInCouplings.length).toBeGreaterThan(10);

    await resetSandbox(db());
    const forms = realForms(served.origin);
    const erp = await saveConnection({ ctx, input: forms.erp });
    const crm = await saveConnection({ ctx, input: forms.crm });
    expect(erp.connection.active && crm.connection.active).toBe(true);
    expect(await testConnection({ ctx, input: { id: crm.connection.id } })).toMatchObject({ ok: true });
    const realPair = await activePairId(db());
    expect(realPair).not.toBe(builtInPair);
    const before = served.requests();
    const overHttp = await runFullSyncInProcess({ ctx });
    expect(served.requests() - before).toBeGreaterThan(50); // the run really went over HTTP
    expect(counts(overHttp)).toEqual(counts(builtIn));
    // The tenant's dashboard and a reconciliation work over HTTP too: live budget, health, a report.
    const dashboard = (await getDashboard({ ctx }))!;
    expect(dashboard.connections.map((c) => [c.kind, c.state])).toEqual([
      ["real", "healthy"],
      ["real", "healthy"],
    ]);
    expect(dashboard.connections.every((c) => c.budget.used > 0)).toBe(true);
    const { id } = await startReconciliation({ ctx, input: { mapping: "CURRENCY" } });
    let reconciled = await getReconciliation({ ctx, input: { id } });
    for (let i = 0; i < 300 && !reconciled.finishedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reconciled = await getReconciliation({ ctx, input: { id } });
    }
    expect(reconciled).toMatchObject({ status: "succeeded", report: { drifted: 0, vanished: 0 } });
    expect(reconciled.report!.coupled).toBeGreaterThan(0);
    // The built-in pair's couplings stay, untouched, under their pair.
    expect(await db().select().from(couplings).where(eq(couplings.pairId, builtInPair))).toHaveLength(
      builtInCouplings.length,
    );
    const listed = await listConnections({ ctx });
    expect(listed.pairs.find((p) => p.id === builtInPair)).toMatchObject({
      active: false,
      couplings: builtInCouplings.length,
    });
    expect(listed.pairs.find((p) => p.id === realPair)).toMatchObject({ active: true });

    // Switching back to the sandboxes finds their old couplings again.
    const sandboxErp = listed.connections.find((c) => c.kind === "sandbox" && c.system === "erp")!;
    const sandboxCrm = listed.connections.find((c) => c.kind === "sandbox" && c.system === "crm")!;
    await activateConnection({ ctx, input: { id: sandboxErp.id } });
    await activateConnection({ ctx, input: { id: sandboxCrm.id } });
    expect(await activePairId(db())).toBe(builtInPair);
    expect(await lastAudit()).toMatchObject({ action: "connection.activate", targetId: sandboxCrm.id });
  }, 240_000);

  it("should ask each real tenant for one token when its connectors describe it and then work", async () => {
    // Two tokens a minute from this address: a connector rebuilt with its catalog must reuse the describer's token.
    const limited = await serveSandbox(
      new SandboxRuntime({ db: db(), tokenRateLimit: { requests: 2, windowSeconds: 60 } }),
    );
    try {
      const rows = await db().select().from(connections);
      const over = (name: string) => {
        const row = rows.find((r) => r.name === name)!;
        const move = (url: string | null) => url && url.replace(served.origin, limited.origin);
        return { ...row, baseUrl: move(row.baseUrl)!, tokenUrl: move(row.tokenUrl) };
      };
      const { connectors } = await buildConnectors(
        db(),
        { erp: over("Business Central over HTTP"), crm: over("Sales over HTTP") },
        { entities: { erp: ["customers"], crm: ["accounts"] } },
      );
      expect(await connectors.erp.count("customers")).toBeGreaterThan(0);
      expect(await connectors.crm.count("accounts", undefined, { exact: true })).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
