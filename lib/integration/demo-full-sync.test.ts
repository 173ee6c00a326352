import { gte, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncConflicts, syncJobErrors, syncJobs } from "@/db/schema";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { readLines, runFullSync } from "@/lib/sync/engine/full-sync";
import { startSyncHarness, type SyncHarness } from "./test/sync-harness";

/**
 * What the demo company breaks on purpose (lib/sandbox/demo): a currency without an ISO code. With the template's
 * defaults (BC's: no "create new in case of no match" on customers, contacts, items, resources and price groups), a
 * coupling line couples what both sides hold by name, number or e-mail and fails the ERP records without a
 * counterpart — one error per line, naming how many; what refers to those records then fails its lookup, naming the
 * record to couple first. Nothing is created in the ERP from a coupling line, and SALESORDER-ORDER is no line at all.
 */
const DELIBERATE: [mapping: string, code: string, cause: string][] = [
  ["CURRENCY", "NOT_ISO_CURRENCY", "EUR-OLD"],
  ["CUSTOMER", "COUPLING_FAILED", "Failed to couple 3 record(s)"], // Alpine Ski House, Relecloud, Contoso Ltd.
  ["CONTACT", "COUPLING_FAILED", "Failed to couple 5 record(s)"], // the person contacts of those three, of Fabrikam and of Coho Winery
  ["ITEM-PRODUCT", "COUPLING_FAILED", "Failed to couple 7 record(s)"], // all but the two items the CRM has by number
  ["RESOURCE-PRODUCT", "COUPLING_FAILED", "Failed to couple 2 record(s)"], // all but MARTY
  ["CUSTPRCGRP-PRICE", "COUPLING_FAILED", "Failed to couple 2 record(s)"], // RETAIL and WHOLESALE: the CRM has only its own price list
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "code RETAIL"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "code RETAIL"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "code WHOLESALE"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "number 1906-S"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "number 1908-S"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "number 1920-S"],
  ["SALESPRC-PRODPRICE", "LOOKUP_NOT_COUPLED", "number 1928-S"],
  ["POSTEDSALESLINE-INV", "LOOKUP_NOT_COUPLED", "1906-S"],
  ["POSTEDSALESLINE-INV", "LOOKUP_NOT_COUPLED", "1920-S"],
  ["POSTEDSALESLINE-INV", "LOOKUP_NOT_COUPLED", "1928-S"],
  ["POSTEDSALESLINE-INV", "LOOKUP_NOT_COUPLED", "1928-S"],
  ["POSTEDSALESLINE-INV", "LOOKUP_NOT_COUPLED", "1936-S"],
  ["OPPORTUNITY", "LOOKUP_NOT_COUPLED", "CT000061"], // Coho Winery's contact Mindy Martin; the CRM's Coho contact is someone else
  ["OPPORTUNITY", "LOOKUP_NOT_COUPLED", '"Litware, Inc."'], // the CRM's opportunity of an account that is no customer in the ERP
];
/** Failed records: each error is one record, except that a coupling error counts all it names. */
const FAILED_RECORDS = 1 + 3 + 5 + 7 + 2 + 2 + 7 + 5 + 2;

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
    for (const line of lines)
      for (const parent of line.dependsOn)
        if (line.startedAt) expect(line.startedAt.getTime()).toBeGreaterThanOrEqual(finishedAt.get(parent)!);
  });

  it("should fail only the records the demo breaks on purpose, each error naming its cause", async () => {
    const db = h.harness.database.db;
    const jobs = await db.select().from(syncJobs).where(gte(syncJobs.createdAt, started));
    const errors = await db
      .select()
      .from(syncJobErrors)
      .where(
        inArray(
          syncJobErrors.jobId,
          jobs.map((j) => j.id),
        ),
      );
    const mappingOf = new Map(jobs.map((j) => [j.id, j.mappingName]));
    const found = errors.map((e) => [mappingOf.get(e.jobId), e.code, e.message] as const);
    const left = [...found];
    for (const [mapping, code, cause] of DELIBERATE) {
      const at = left.findIndex(([m, c, message]) => m === mapping && c === code && message.includes(cause));
      expect(at, `${mapping} ${code} ${cause}`).toBeGreaterThanOrEqual(0);
      left.splice(at, 1);
    }
    expect(left).toEqual([]);
    expect(jobs.reduce((n, j) => n + j.failed, 0)).toBe(FAILED_RECORDS);
  });

  it("should couple what exists on both sides by name and create no CRM-only record in the ERP, so nothing exists twice", async () => {
    const accounts = (await h.all("crm", "accounts")).map((a) => a.data.name as string);
    const customers = (await h.all("erp", "customers")).map((c) => c.data.displayName as string);
    const coupled = new Set((await h.couplingsOf("CUSTOMER")).map((c) => c.erpId));
    const coupledNames = (await h.all("erp", "customers"))
      .filter((c) => coupled.has(c.id))
      .map((c) => c.data.displayName);
    expect(coupledNames.sort()).toEqual(["Adatum Corporation", "Coho Winery", "School of Fine Art", "Trey Research"]);
    expect(accounts).not.toContain("Contoso Ltd."); // ERP only: unmatched, and CUSTOMER does not create on no match
    expect(customers).not.toContain("Litware, Inc."); // CRM only: a coupling line never creates in the ERP
    for (const names of [accounts, customers]) expect(names.length).toBe(new Set(names).size);
  });

  it("should create nothing when a scheduled run of CUSTOMER follows, the template syncing coupled customers only", async () => {
    const count = async () => [(await h.all("erp", "customers")).length, (await h.all("crm", "accounts")).length];
    const before = await count();
    const { passes } = await h.run("CUSTOMER", {}, h.context({ rules: BC_SALES_RULES }));
    expect(passes.map((p) => [p.flow, p.counters.inserted, p.counters.failed])).toEqual([
      ["erp-to-crm", 0, 0],
      ["crm-to-erp", 0, 0],
    ]);
    expect(await count()).toEqual(before);
  });

  it("should fail nothing new and meet no conflict when a scheduled run of every mapping follows, the coupled twins agreeing field by field", async () => {
    // Coupling lines do not synchronize what they couple (BC's "Synch. After Bulk Coupling" is off), so this first run
    // finds both records of each pair changed: a two-way field that differed would be an update conflict (policy
    // fail: an error), and a one-way field that could not be resolved a failed record.
    const db = h.harness.database.db;
    const failed: [mapping: string, flow: string, failed: number][] = [];
    const jobIds: string[] = [];
    for (const { name } of h.config.mappings.filter((m) => !m.parent)) {
      const { passes } = await h.run(name, {}, h.context({ rules: BC_SALES_RULES }));
      for (const pass of passes) {
        if (pass.jobId) jobIds.push(pass.jobId);
        failed.push([name, pass.flow, pass.counters.failed]);
      }
    }
    // The one exception: a scheduled run reads the record last modified before the watermark again (its one-second
    // overlap), and SALESPRC-PRODPRICE's newest group price is one the demo fails on purpose (WHOLESALE, 1928-S).
    const refailed = (mapping: string, flow: string) =>
      mapping === "SALESPRC-PRODPRICE" && flow === "erp-to-crm" ? 1 : 0;
    expect(failed).toEqual(failed.map(([mapping, flow]) => [mapping, flow, refailed(mapping, flow)]));
    const errors = await db.select().from(syncJobErrors).where(inArray(syncJobErrors.jobId, jobIds));
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["LOOKUP_NOT_COUPLED", expect.stringContaining("number 1928-S")],
    ]);
    expect(await db.select().from(syncConflicts).where(inArray(syncConflicts.jobId, jobIds))).toEqual([]);
  });

  it("should leave sales orders out of the run in unidirectional order mode and run invoice lines with their invoices", async () => {
    const lines = (await readLines({ db: h.harness.database.db }, runId)).map((l) => l.mappingName);
    expect(lines).not.toContain("SALESORDER-ORDER");
    expect(lines).not.toContain("POSTEDSALESLINE-INV");
    expect((await h.jobsOf("POSTEDSALESLINE-INV")).reduce((n, j) => n + j.inserted, 0)).toBeGreaterThan(0);
  });
});
