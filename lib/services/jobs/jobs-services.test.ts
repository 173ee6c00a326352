import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { prepareIntegration } from "@/lib/integration/first-start";
import { runFullSyncInProcess } from "../sync/run-full-sync-in-process";
import { retryJobErrors } from "../sync/job-verbs";
import { csvCell, exportJobErrors } from "./export-job-errors";
import { getJob } from "./get-job";
import { listJobs } from "./list-jobs";
import { listCouplings } from "../couplings/list-couplings";
import { listUncoupled } from "../couplings/list-uncoupled";

describeEachDriver("job log verbs", (database: () => TestDatabase) => {
  const db = () => database().db;
  let priceJob: string;

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "22".repeat(32));
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    await runFullSyncInProcess({ ctx: await contextAs(db(), "admin") });
    const [job] = await db()
      .select({ id: syncJobs.id })
      .from(syncJobs)
      .where(and(eq(syncJobs.mappingName, "SALESPRC-PRODPRICE"), gt(syncJobs.failed, 0)));
    priceJob = job!.id;
  }, 180_000);
  afterAll(() => vi.unstubAllEnvs());

  it("should filter, sort and page the job list in the database when a viewer asks", async () => {
    const ctx = await contextAs(db(), "viewer");
    const all = await listJobs({ ctx, input: { pageSize: 10 } });
    expect(all.total).toBeGreaterThan(10);
    expect(all.rows).toHaveLength(10);
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await listJobs({ ctx, input: { pageSize: 10, page: 2 } });
    expect(second.rows.map((r) => r.id)).not.toContain(all.rows[0]!.id);
    const customer = await listJobs({ ctx, input: { mapping: "CUSTOMER", direction: "erp-to-crm" } });
    expect(customer.rows.length).toBeGreaterThan(0);
    expect(customer.rows.every((r) => r.mappingName === "CUSTOMER" && r.direction === "erp-to-crm")).toBe(true);
    const byFailed = await listJobs({ ctx, input: { sort: "failed", order: "desc", pageSize: 10 } });
    expect(byFailed.rows[0]!.failed).toBe(Math.max(...byFailed.rows.map((r) => r.failed)));
    const future = await listJobs({ ctx, input: { from: "2999-01-01" } });
    expect(future).toMatchObject({ total: 0, rows: [] });
  });

  it("should refuse a bad filter with a field error", async () => {
    const ctx = await contextAs(db(), "viewer");
    await expect(listJobs({ ctx, input: { status: "exploded", from: "yesterday" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { status: ["not a job status"], from: ["a date is YYYY-MM-DD"] },
    });
  });

  it("should group a job's errors by code and the field they name when the job has errors", async () => {
    const ctx = await contextAs(db(), "viewer");
    const detail = await getJob({ ctx, input: { jobId: priceJob } });
    expect(detail.actionable).toBe(true);
    const lookup = detail.groups.filter((g) => g.code === "LOOKUP_NOT_COUPLED");
    expect(lookup.length).toBeGreaterThan(0);
    expect(lookup.every((g) => g.field)).toBe(true);
    expect(detail.groups.reduce((n, g) => n + g.count, 0)).toBe(detail.errors.total);
    const first = lookup[0]!;
    const one = await getJob({ ctx, input: { jobId: priceJob, code: first.code, field: first.field } });
    expect(one.errors.total).toBe(first.count);
    expect(one.errors.rows.every((e) => e.code === first.code && e.field === first.field)).toBe(true);
  });

  it("should export the errors as CSV with one line per error and formulas defused", async () => {
    const ctx = await contextAs(db(), "viewer");
    const text = await new Response(await exportJobErrors({ ctx, input: { jobId: priceJob } })).text();
    const lines = text.trimEnd().split("\r\n");
    const errors = await db().select().from(syncJobErrors).where(eq(syncJobErrors.jobId, priceJob));
    expect(lines[0]).toBe("job,mapping,direction,code,field,source,destination,message,time");
    expect(lines).toHaveLength(errors.length + 1);
    expect(lines[1]).toContain("SALESPRC-PRODPRICE");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(null)).toBe("");
  });

  it("should list a mapping's couplings by state and find one by the beginning of its id in any case", async () => {
    const ctx = await contextAs(db(), "viewer");
    const all = await listCouplings({ ctx, input: { mapping: "CUSTOMER" } });
    expect(all.total).toBe(4);
    const one = all.rows[0]!;
    const found = await listCouplings({ ctx, input: { mapping: "CUSTOMER", q: one.crmId.slice(0, 8).toUpperCase() } });
    expect(found.rows.map((r) => r.id)).toContain(one.id);
    expect(
      found.rows.every(
        (r) => r.crmId.startsWith(one.crmId.slice(0, 8)) || r.erpId.toLowerCase().startsWith(one.crmId.slice(0, 8)),
      ),
    ).toBe(true);
    expect(await listCouplings({ ctx, input: { mapping: "CUSTOMER", q: "%" } })).toMatchObject({ total: 0 });
    expect(await listCouplings({ ctx, input: { mapping: "CUSTOMER", state: "skipped" } })).toMatchObject({ total: 0 });
    const sorted = await listCouplings({ ctx, input: { mapping: "CUSTOMER", sort: "erpId", order: "asc" } });
    expect(sorted.rows.map((r) => r.erpId)).toEqual([...sorted.rows.map((r) => r.erpId)].sort());
  });

  it("should list the records no coupling holds, within the mapping's filter, when a side is asked", async () => {
    const ctx = await contextAs(db(), "viewer");
    const erp = await listUncoupled({ ctx, input: { mapping: "CUSTOMER", side: "erp" } });
    expect(erp.records.map((r) => r.label).sort()).toEqual(["Alpine Ski House", "Contoso Ltd.", "Relecloud"]);
    const named = await listUncoupled({ ctx, input: { mapping: "CUSTOMER", side: "erp", q: "Relec" } });
    expect(named.records.map((r) => r.label)).toEqual(["Relecloud"]);
    const coupled = await listCouplings({ ctx, input: { mapping: "CUSTOMER" } });
    const crm = await listUncoupled({ ctx, input: { mapping: "CUSTOMER", side: "crm" } });
    expect(crm.records.map((r) => r.id)).not.toContain(coupled.rows[0]!.crmId);
  });

  it("should retry only one root cause when a group is retried", async () => {
    const ctx = await contextAs(db(), "admin");
    const detail = await getJob({ ctx, input: { jobId: priceJob } });
    const group = detail.groups[0]!;
    const result = await retryJobErrors({
      ctx,
      input: { jobId: priceJob, code: group.code, field: group.field ?? "" },
    });
    const pass = result.passes[0]!;
    // The records are still not coupled through their lookup: the retry fails them again, and only them.
    expect(pass.counters.failed).toBe(
      new Set(
        (
          await getJob({ ctx, input: { jobId: priceJob, code: group.code, field: group.field ?? "", pageSize: 500 } })
        ).errors.rows.map((e) => e.sourceId),
      ).size,
    );
  });
});
