import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { couplings, reconciliations, sandboxRecords } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { prepareIntegration } from "@/lib/integration/first-start";
import { activePairId } from "@/lib/integration/integration-connections";
import { runFullSyncInProcess } from "../sync/run-full-sync-in-process";
import { runMappingInProcess } from "../sync/run-mapping-in-process";
import { cancelReconciliation, getReconciliation, startReconciliation } from "./reconciliation-verbs";
import { runReconciliation } from "./run-reconciliation";
import { synchronizeDrifted } from "./synchronize-drifted";

describeEachDriver("reconciliation", (database: () => TestDatabase) => {
  const db = () => database().db;
  const admin = () => contextAs(db(), "admin");

  /** Starts one (no worker here: it runs in this process) and waits for its end. */
  async function reconcileCustomers() {
    const ctx = await admin();
    const { id } = await startReconciliation({ ctx, input: { mapping: "CUSTOMER" } });
    for (let i = 0; i < 600; i++) {
      const row = await getReconciliation({ ctx, input: { id } });
      if (row.finishedAt) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the reconciliation did not end");
  }
  const crmName = async (id: string) => {
    const [row] = await db()
      .select({ name: sql<string>`${sandboxRecords.data} ->> 'name'` })
      .from(sandboxRecords)
      .where(and(eq(sandboxRecords.system, "crm"), eq(sandboxRecords.entity, "accounts"), eq(sandboxRecords.id, id)));
    return row?.name;
  };

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "22".repeat(32));
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    const ctx = await admin();
    await runFullSyncInProcess({ ctx });
    // The full sync couples customers by match; their first synchronization makes both sides agree.
    await runMappingInProcess({ ctx, input: { mapping: "CUSTOMER" } });
  }, 180_000);
  afterAll(() => vi.unstubAllEnvs());

  it("should count both sides and find no drift when every coupled pair agrees", async () => {
    const done = await reconcileCustomers();
    expect(done.status).toBe("succeeded");
    const report = done.report!;
    const coupled = await db().select().from(couplings).where(eq(couplings.mappingName, "CUSTOMER"));
    expect(report.coupled).toBe(coupled.length);
    expect(report.erpInFilter).toBe(report.coupled + report.uncoupledErp);
    expect(report).toMatchObject({ drifted: 0, vanished: 0 });
    expect(done.readErp + done.readCrm).toBe(done.expected);
  });

  it("should report exactly the pair edited behind Tandem's back and clear it when synchronized", async () => {
    const [pair] = await db().select().from(couplings).where(eq(couplings.mappingName, "CUSTOMER")).limit(1);
    const original = await crmName(pair!.crmId);
    // The sandbox store itself, not its API: no modified-on moves, no sync would ever notice.
    await db()
      .update(sandboxRecords)
      .set({ data: sql`jsonb_set(${sandboxRecords.data}, '{name}', '"Edited behind the back"')` })
      .where(and(eq(sandboxRecords.system, "crm"), eq(sandboxRecords.id, pair!.crmId)));
    const drifted = await reconcileCustomers();
    expect(drifted.report).toMatchObject({
      drifted: 1,
      samples: { drifted: [{ couplingId: pair!.id, fields: ["crm.name"] }] },
    });
    // The sample names the ERP record (its primary name) beside the ids.
    expect(drifted.report!.samples.drifted[0]!.name).toEqual(expect.any(String));
    const result = await synchronizeDrifted({ ctx: await admin(), input: { id: drifted.id, direction: "erp-to-crm" } });
    expect(result).toMatchObject({ pairs: 1, changedOnDestination: 0 });
    expect(await crmName(pair!.crmId)).toBe(original);
    expect((await reconcileCustomers()).report).toMatchObject({ drifted: 0 });
  });

  it("should report a coupling whose CRM record vanished when it was deleted behind Tandem's back", async () => {
    const [pair] = await db().select().from(couplings).where(eq(couplings.mappingName, "CUSTOMER")).limit(1);
    const [saved] = await db()
      .delete(sandboxRecords)
      .where(and(eq(sandboxRecords.system, "crm"), eq(sandboxRecords.id, pair!.crmId)))
      .returning();
    const done = await reconcileCustomers();
    expect(done.report).toMatchObject({
      vanished: 1,
      samples: { vanished: [{ couplingId: pair!.id, missing: "crm" }] },
    });
    await db().insert(sandboxRecords).values(saved!);
  });

  it("should stop with status cancelled when an admin cancelled it", async () => {
    const [row] = await db()
      .insert(reconciliations)
      .values({ pairId: await activePairId(db()), mappingName: "CUSTOMER" })
      .returning();
    await cancelReconciliation({ ctx: await admin(), input: { id: row!.id } });
    const [after] = await db().select().from(reconciliations).where(eq(reconciliations.id, row!.id));
    expect(after).toMatchObject({ status: "cancelled" });
    // One already running stops at its next page.
    const [running] = await db()
      .insert(reconciliations)
      .values({ pairId: await activePairId(db()), mappingName: "CUSTOMER", cancelRequestedAt: new Date() })
      .returning();
    await runReconciliation(db(), running!.id);
    const [stopped] = await db().select().from(reconciliations).where(eq(reconciliations.id, running!.id));
    expect(stopped).toMatchObject({ status: "cancelled", report: null, readErp: expect.any(Number) });
  });

  it("should refuse a viewer who starts one", async () => {
    const ctx = await contextAs(db(), "viewer");
    await expect(startReconciliation({ ctx, input: { mapping: "CUSTOMER" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
