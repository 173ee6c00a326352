import { eq, inArray } from "drizzle-orm";
import { it } from "vitest";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { readLines, runFullSync } from "@/lib/sync/engine/full-sync";
import { startSyncHarness } from "@/lib/sync/test/sync-harness";

it("demo full sync", async () => {
  const config = compileModel(bcSalesTemplateModel(), { catalogs: STATIC_CATALOGS }).config!;
  const h = await startSyncHarness(config);
  const db = h.harness.database.db;
  await seedSandboxIfEmpty(db);
  const ctx = h.context({ rules: BC_SALES_RULES });
  const started = Date.now();
  const runId = await runFullSync(ctx, null, { onLine: (m, e) => console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${e} ${m}`) });
  for (const line of await readLines(ctx, runId)) console.log(line.mappingName, line.recommendation, line.status, line.message ?? "");
  const jobs = await db.select().from(syncJobs);
  for (const j of jobs) console.log(j.mappingName, j.direction, j.type, j.status, JSON.stringify({ i: j.inserted, m: j.modified, u: j.unchanged, s: j.skipped, f: j.failed, c: j.coupled }), j.message ?? "");
  const errors = await db.select().from(syncJobErrors).where(inArray(syncJobErrors.jobId, jobs.map((j) => j.id)));
  for (const e of errors) console.log("ERR", jobs.find((j) => j.id === e.jobId)?.mappingName, e.code, e.message);
  await h.close();
}, 300_000);
