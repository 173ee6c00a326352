import { gte, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { readLines, runFullSync } from "../engine/full-sync";
import { startSyncHarness, type SyncHarness } from "../test/sync-harness";

/**
 * What the demo company breaks on purpose (lib/sandbox/demo): a currency without an ISO code, two salespeople with no
 * Dataverse user (so their customers, those customers' contacts and orders cannot be owned), and a CRM-only product in
 * Dataverse's own Default Unit group, which has no unit of measure in Business Central.
 */
const DELIBERATE: [mapping: string, code: string, cause: string][] = [
  ["CURRENCY", "NOT_ISO_CURRENCY", "EUR-OLD"],
  ["CUSTOMER", "LOOKUP_NOT_COUPLED", "code JR"],
  ["CUSTOMER", "LOOKUP_NOT_COUPLED", "code RB"],
  ["CONTACT", "LOOKUP_NOT_COUPLED", "Alpine Ski House"],
  ["CONTACT", "LOOKUP_NOT_COUPLED", "Relecloud"],
  ["SALESORDER-ORDER", "LOOKUP_NOT_COUPLED", "40000"],
  ["ITEM-PRODUCT", "LOOKUP_NOT_COUPLED", "Default Unit"],
];

describe("full synchronization of the demo company", () => {
  let h: SyncHarness;
  let runId: string;
  let started: Date;
  beforeAll(async () => {
    h = await startSyncHarness(compileModel(bcSalesTemplateModel(), { catalogs: STATIC_CATALOGS }).config!);
    await seedSandboxIfEmpty(h.harness.database.db);
    started = new Date();
    runId = await runFullSync(h.context({ rules: BC_SALES_RULES }), null);
  }, 120_000);
  afterAll(async () => h?.close());

  it("should finish every line in dependency order when it runs the whole plan", async () => {
    const lines = await readLines({ db: h.harness.database.db }, runId);
    expect(lines.map((l) => [l.mappingName, l.status])).toEqual(lines.map((l) => [l.mappingName, "finished"]));
    const finishedAt = new Map(lines.map((l) => [l.mappingName, l.finishedAt!.getTime()]));
    for (const line of lines) for (const parent of line.dependsOn) if (line.startedAt) expect(line.startedAt.getTime()).toBeGreaterThanOrEqual(finishedAt.get(parent)!);
  });

  it("should fail only the records the demo breaks on purpose, each error naming its cause", async () => {
    const db = h.harness.database.db;
    const jobs = await db.select().from(syncJobs).where(gte(syncJobs.createdAt, started));
    const errors = await db.select().from(syncJobErrors).where(inArray(syncJobErrors.jobId, jobs.map((j) => j.id)));
    const mappingOf = new Map(jobs.map((j) => [j.id, j.mappingName]));
    const found = errors.map((e) => [mappingOf.get(e.jobId), e.code, e.message] as const);
    for (const [mapping, code, cause] of DELIBERATE) expect(found.some(([m, c, message]) => m === mapping && c === code && message.includes(cause)), `${mapping} ${code} ${cause}`).toBe(true);
    expect(found).toHaveLength(DELIBERATE.length);
    expect(jobs.reduce((n, j) => n + j.failed, 0)).toBe(DELIBERATE.length);
  });

  it("should have created what had no counterpart and coupled what matched, both ways", async () => {
    const accounts = (await h.all("crm", "accounts")).map((a) => a.data.name);
    const customers = (await h.all("erp", "customers")).map((c) => c.data.displayName);
    expect(accounts).toEqual(expect.arrayContaining(["Contoso Ltd.", "Adatum Corporation"]));
    expect(customers).toEqual(expect.arrayContaining(["Litware, Inc.", "Northwind Traders", "Wide World Importers"]));
    expect(customers).not.toContain("Fourth Coffee"); // a vendor account: only customers sync to customers
    expect(accounts.filter((name) => name === "Adatum Corporation")).toHaveLength(1);
  });
});
