import { count, max } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  auditLog,
  couplingIntents,
  couplings,
  fullSyncRuns,
  sandboxChanges,
  sandboxRecords,
  syncJobs,
  syncWatermarks,
} from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { prepareIntegration } from "@/lib/integration/first-start";
import { previewFullSynchronization } from "./preview-full-sync";

describeEachDriver("previewing the full synchronization", (database: () => TestDatabase) => {
  const footprint = async () => {
    const db = database().db;
    const rows = async (
      table:
        | typeof syncJobs
        | typeof couplings
        | typeof auditLog
        | typeof fullSyncRuns
        | typeof sandboxChanges
        | typeof syncWatermarks
        | typeof couplingIntents,
    ) => (await db.select({ n: count() }).from(table))[0]!.n;
    const [records] = await db.select({ n: count(), newest: max(sandboxRecords.modifiedAt) }).from(sandboxRecords);
    return {
      jobs: await rows(syncJobs),
      couplings: await rows(couplings),
      audit: await rows(auditLog),
      runs: await rows(fullSyncRuns),
      changes: await rows(sandboxChanges),
      watermarks: await rows(syncWatermarks),
      intents: await rows(couplingIntents),
      records,
    };
  };

  beforeAll(async () => {
    await prepareIntegration(database().db);
  }, 120_000);

  it("should show a viewer per line what would couple, be created or stay unmatched, and write nothing anywhere", async () => {
    const ctx = await contextAs(database().db, "viewer");
    const before = await footprint();
    const preview = await previewFullSynchronization({ ctx });
    expect(await footprint()).toEqual(before);
    const line = (name: string) => preview.lines.find((l) => l.mapping === name);
    // The demo's four customers that the CRM has by name couple; Alpine Ski House, Relecloud and Contoso Ltd. do not.
    expect(line("CUSTOMER")).toMatchObject({
      recommendation: "couple",
      couple: 4,
      createInCrm: 0,
      createInErp: 0,
      unmatched: 3,
    });
    // Currencies create on no match (EUR-OLD is counted too: whether a create passes its rules is the dry run's question).
    expect(line("CURRENCY")).toMatchObject({ recommendation: "couple", couple: 2, createInCrm: 3, unmatched: 0 });
    // Users are the source of salespeople: a full line couples by e-mail and creates the rest in the ERP.
    expect(line("SALESPEOPLE")).toMatchObject({ recommendation: "full", couple: 3, createInCrm: 0, createInErp: 2 });
    expect(preview.lines.map((l) => l.mapping)).not.toContain("SALESORDER-ORDER");
    expect(preview.lines.map((l) => l.mapping)).not.toContain("POSTEDSALESLINE-INV");
  }, 120_000);
});
