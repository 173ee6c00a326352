import { desc, eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { auditLog, syncWatermarks } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { createBoss, ensureQueues } from "@/lib/jobs/boss";
import { enqueueDue } from "@/lib/jobs/enqueue";
import { prepareIntegration } from "@/lib/integration/first-start";
import { openEngine } from "@/lib/integration/open-engine";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { runFullSyncInProcess } from "../sync/run-full-sync-in-process";
import { listTableMappings } from "./list-table-mappings";
import { resetWatermark, setScheduleEnabled } from "./mapping-verbs";

describeEachDriver("table mapping verbs", (database: () => TestDatabase) => {
  const db = () => database().db;
  let boss: PgBoss;

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "33".repeat(32));
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    await runFullSyncInProcess({ ctx: await contextAs(db(), "admin") });
    // An incremental run after it: both directions run, and each pass stores its watermark.
    await runMapping(await openEngine(db()), "CUSTOMER", { trigger: "test", mode: "incremental" });
    boss = createBoss(database(), { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await boss?.stop({ graceful: false });
  });

  it("should show each mapping's filters in words, last runs, couplings and errors when a viewer opens the page", async () => {
    const ctx = await contextAs(db(), "viewer");
    const page = await listTableMappings({ ctx });
    const customer = page!.lines.find((l) => l.name === "CUSTOMER")!;
    expect(customer).toMatchObject({
      erpEntity: "customers",
      crmEntity: "accounts",
      scheduleEnabled: true,
      held: false,
    });
    expect(customer.coupled).toBe(4);
    expect(customer.lastJobs.map((j) => j.direction).sort()).toEqual(["crm-to-erp", "erp-to-crm"]);
    expect(customer.filters.crm).toMatch(/is/);
    const prices = page!.lines.find((l) => l.name === "SALESPRC-PRODPRICE")!;
    expect(prices.lastJobs.some((j) => j.failed > 0)).toBe(true);
  });

  it("should leave a disabled mapping out of the schedule and bring it back when enabled", async () => {
    const admin = await contextAs(db(), "admin");
    const later = new Date(Date.now() + 24 * 3600_000);
    expect((await enqueueDue(db(), boss, later)).due).toContain("CUSTOMER");
    await setScheduleEnabled({ ctx: admin, input: { mapping: "CUSTOMER", enabled: false } });
    expect((await enqueueDue(db(), boss, later)).due).not.toContain("CUSTOMER");
    expect((await listTableMappings({ ctx: admin }))!.lines.find((l) => l.name === "CUSTOMER")!.scheduleEnabled).toBe(
      false,
    );
    await setScheduleEnabled({ ctx: admin, input: { mapping: "CUSTOMER", enabled: true } });
    expect((await enqueueDue(db(), boss, later)).due).toContain("CUSTOMER");
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit).toMatchObject({ action: "mapping.schedule.enable", targetId: "CUSTOMER" });
  });

  it("should clear the mapping's watermarks of the active pair when reset", async () => {
    const admin = await contextAs(db(), "admin");
    const before = await db().select().from(syncWatermarks).where(eq(syncWatermarks.mappingName, "CUSTOMER"));
    expect(before.length).toBeGreaterThan(0);
    await resetWatermark({ ctx: admin, input: { mapping: "CUSTOMER" } });
    expect(await db().select().from(syncWatermarks).where(eq(syncWatermarks.mappingName, "CUSTOMER"))).toEqual([]);
  });

  it("should refuse a viewer's switch and an unknown mapping", async () => {
    const viewer = await contextAs(db(), "viewer");
    await expect(
      setScheduleEnabled({ ctx: viewer, input: { mapping: "CUSTOMER", enabled: false } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await contextAs(db(), "admin");
    await expect(resetWatermark({ ctx: admin, input: { mapping: "NOPE" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
