import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import {
  connectionHealth,
  couplings,
  integrationSettings,
  notificationAttempts,
  notificationDeliveries,
  syncJobs,
} from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { prepareIntegration } from "@/lib/integration/first-start";
import { runFullSyncInProcess } from "../sync/run-full-sync-in-process";
import { getDashboard } from "./get-dashboard";
import { hourParam } from "./dashboard-view";
import { listJobs } from "../jobs/list-jobs";

describeEachDriver("dashboard", (database: () => TestDatabase) => {
  const db = () => database().db;

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "22".repeat(32));
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    await runFullSyncInProcess({ ctx: await contextAs(db(), "admin") });
  }, 180_000);
  afterAll(() => vi.unstubAllEnvs());

  it("should show both connections healthy with the requests the full sync sent when it has run", async () => {
    const dashboard = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!;
    expect(dashboard.connections.map((c) => [c.system, c.state])).toEqual([
      ["erp", "healthy"],
      ["crm", "healthy"],
    ]);
    for (const c of dashboard.connections) {
      expect(c.budget.used).toBeGreaterThan(0);
      expect(c.budget).toMatchObject({ limit: 6000, windowMinutes: 5 });
    }
  });

  it("should chart the synchronized volume and the failed records per hour when jobs ran this hour", async () => {
    // A job with failures three hours ago: its own bar, and not in this hour's list.
    const [pairId] = (await db().select({ id: syncJobs.pairId }).from(syncJobs).limit(1)).map((r) => r.id);
    const earlier = new Date(Date.now() - 3 * 3_600_000);
    await db().insert(syncJobs).values({
      pairId: pairId!,
      mappingName: "CUSTOMER",
      direction: "erp-to-crm",
      status: "succeeded",
      trigger: "schedule",
      failed: 5,
      createdAt: earlier,
    });
    const dashboard = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!;
    expect(dashboard.hours).toHaveLength(168);
    const now = dashboard.hours.at(-1)!;
    expect(now.synced).toBeGreaterThan(0);
    expect(now.failed).toBeGreaterThan(0);
    expect(dashboard.hours.at(-4)).toMatchObject({ failed: 5 });
    expect(dashboard.totals).toEqual({ synced: now.synced, failed: now.failed + 5 });
    // The chart's link lands on the job list filtered to that hour and to jobs with failures: the same records.
    const ctx = await contextAs(db(), "viewer");
    const linked = await listJobs({
      ctx,
      input: { hour: hourParam(now.hour), outcome: "with-failures", pageSize: 200 },
    });
    expect(linked.rows.reduce((sum, j) => sum + j.failed, 0)).toBe(now.failed);
    expect(linked.rows.every((j) => j.failed > 0)).toBe(true);
  });

  it("should give each mapping its last run per direction and count skipped records when some are skipped", async () => {
    const [coupling] = await db().select({ id: couplings.id }).from(couplings).limit(1);
    await db().update(couplings).set({ skipped: true }).where(eq(couplings.id, coupling!.id));
    const dashboard = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!;
    expect(dashboard.skippedRecords).toBe(1);
    expect(dashboard.skippedByMapping).toEqual([{ mappingName: expect.any(String), count: 1 }]);
    const currency = dashboard.mappings.find((m) => m.name === "CURRENCY")!;
    expect(currency.runs.map((r) => [r.direction, r.status])).toEqual([["erp-to-crm", "succeeded"]]);
    // A full sync couples customers by match and leaves their first sync to the schedule: its coupling job shows.
    const customer = dashboard.mappings.find((m) => m.name === "CUSTOMER")!;
    expect(customer.runs.map((r) => r.type)).toEqual(["coupling"]);
    const jobs = await db().select({ n: syncJobs.id }).from(syncJobs);
    expect(dashboard.history).toMatchObject({ retentionDays: 30, jobs: jobs.length });
    await db().update(couplings).set({ skipped: false }).where(eq(couplings.id, coupling!.id));
  });

  it("should say a connection is failing when its last connection-level failure came after its last success", async () => {
    const dashboard = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!;
    const erp = dashboard.connections.find((c) => c.system === "erp")!;
    await db()
      .update(connectionHealth)
      .set({ lastFailureAt: new Date(Date.now() + 1000), lastErrorCode: "NETWORK", lastError: "Cannot reach it" })
      .where(eq(connectionHealth.connectionId, erp.id));
    const after = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!;
    expect(after.connections.find((c) => c.system === "erp")).toMatchObject({
      state: "failing",
      lastErrorCode: "NETWORK",
    });
    await db().update(connectionHealth).set({ lastFailureAt: null }).where(eq(connectionHealth.connectionId, erp.id));
  });

  it("should show the webhook receiver failing when its attempts keep failing, and fine once one is delivered", async () => {
    await db().insert(integrationSettings).values({ id: 1 }).onConflictDoNothing();
    await db().update(integrationSettings).set({ webhookUrl: "https://hooks.example/tandem" });
    const [delivery] = await db()
      .insert(notificationDeliveries)
      .values({ event: "job.failed", subject: "dashboard-test", url: "https://hooks.example/tandem", payload: {} })
      .returning();
    const attempt = (n: number, statusCode: number | null, error: string | null) =>
      db()
        .insert(notificationAttempts)
        .values({ deliveryId: delivery!.id, attempt: n, statusCode, error, durationMs: 5 });
    await attempt(1, 500, null);
    await attempt(2, null, "connect ECONNREFUSED");
    await attempt(3, 503, null);
    const failing = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!.receiver;
    expect(failing).toMatchObject({ failing: true, failedAttemptsSinceSuccess: 3, lastError: "HTTP 503" });
    await attempt(4, 204, null);
    await db().update(notificationDeliveries).set({ status: "delivered", deliveredAt: new Date() });
    const fine = (await getDashboard({ ctx: await contextAs(db(), "viewer") }))!.receiver;
    expect(fine).toMatchObject({ failing: false, failedAttemptsSinceSuccess: 0 });
    await db().update(integrationSettings).set({ webhookUrl: null });
  });
});
