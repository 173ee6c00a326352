// `npm run bench:console`: the console's list queries on 100,000 couplings, 10,000 jobs and 200,000 error rows, on
// PGlite and on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), each through its
// service verb as a page calls it, and the dashboard's figures; then reconciles 100,000 coupled pairs through the
// sandboxes. Prints median and p95 per query and records per second; writes console_p95_ms_max, dashboard_p95_ms and
// reconciliation_100k to bench/results.json.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import type { DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/open-database";
import { activePairId, ensureSandboxConnections } from "@/lib/integration/integration-connections";
import { ensureTemplatePublished } from "@/lib/integration/published-config";
import { listConnections } from "../connections/list-connections";
import { systemActor, type ServiceContext } from "../context";
import { listOpenConflicts } from "../couplings/list-conflicts";
import { listCouplings } from "../couplings/list-couplings";
import { getJob } from "../jobs/get-job";
import { listJobs } from "../jobs/list-jobs";
import { getDashboard } from "../dashboard/get-dashboard";
import { listTableMappings } from "../mappings/list-table-mappings";
import { benchReconciliation, RECONCILE_PAIRS } from "./reconcile-bench";
import { SCALE, seedConsoleScale } from "./console-seed";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 300;
const DASHBOARD = "dashboard (every figure)";
type Timings = Record<string, { median: number; p95: number }>;
type Reconciled = Awaited<ReturnType<typeof benchReconciliation>>;

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

function queries(ctx: ServiceContext, jobId: string): [string, () => Promise<unknown>][] {
  return [
    ["jobs: first page", () => listJobs({ ctx })],
    ["jobs: mapping + direction", () => listJobs({ ctx, input: { mapping: "CUSTOMER", direction: "erp-to-crm" } })],
    ["jobs: failed", () => listJobs({ ctx, input: { status: "failed" } })],
    ["jobs: last 3 days", () => listJobs({ ctx, input: { from: day(3), to: day(0) } })],
    ["jobs: sorted by failed", () => listJobs({ ctx, input: { sort: "failed", order: "desc" } })],
    ["jobs: page 150", () => listJobs({ ctx, input: { page: 150 } })],
    ["job detail (200 errors, groups)", () => getJob({ ctx, input: { jobId } })],
    [
      "job detail: one cause",
      () => getJob({ ctx, input: { jobId, code: "LOOKUP_NOT_COUPLED", field: "primarycontactid" } }),
    ],
    ["couplings: first page", () => listCouplings({ ctx, input: { mapping: "CUSTOMER" } })],
    ["couplings: failed", () => listCouplings({ ctx, input: { mapping: "CUSTOMER", state: "failed" } })],
    ["couplings: skipped", () => listCouplings({ ctx, input: { mapping: "CONTACT", state: "skipped" } })],
    ["couplings: id search", () => listCouplings({ ctx, input: { mapping: "CUSTOMER", q: "erp-00123" } })],
    [
      "couplings: sorted by ERP id, page 500",
      () => listCouplings({ ctx, input: { mapping: "CUSTOMER", sort: "erpId", order: "asc", page: 500 } }),
    ],
    ["table mappings", () => listTableMappings({ ctx })],
    ["connections and pairs", () => listConnections({ ctx })],
    ["open conflicts", () => listOpenConflicts({ ctx })],
    [DASHBOARD, () => getDashboard({ ctx })],
  ];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function measure(label: string, handle: DbHandle): Promise<{ timings: Timings; reconciled: Reconciled }> {
  await migrateDatabase(handle);
  await ensureSandboxConnections(handle.db);
  await ensureTemplatePublished(handle.db);
  const pairId = await activePairId(handle.db);
  const started = performance.now();
  const jobId = await seedConsoleScale(handle.db, pairId);
  console.log(
    `${label}: seeded ${SCALE.couplings} couplings, ${SCALE.jobs} jobs, ${SCALE.errors} errors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const ctx: ServiceContext = { db: handle.db, actor: systemActor("bench") };
  const out: Timings = {};
  for (const [name, run] of queries(ctx, jobId)) {
    for (let i = 0; i < 3; i++) await run(); // warm: plans cached, pages in memory
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out[name] = { median: +percentile(times, 0.5).toFixed(1), p95: +percentile(times, 0.95).toFixed(1) };
  }
  const reconciled = await benchReconciliation(handle, pairId);
  console.log(
    `${label}: reconciled ${reconciled.pairs.toLocaleString("en-US")} coupled pairs in ${reconciled.seconds} s: ${reconciled.records_per_s.toLocaleString("en-US")} records/s, ${reconciled.pairs_per_s.toLocaleString("en-US")} pairs/s`,
  );
  return { timings: out, reconciled };
}

async function main() {
  const results: Record<string, Timings> = {};
  const reconciliation: Record<string, Reconciled> = {};
  const pglite = await openDatabase({ driver: "pglite", dataDir: null });
  try {
    ({ timings: results.pglite, reconciled: reconciliation.pglite } = await measure("PGlite", pglite));
  } finally {
    await pglite.close();
  }
  const name = `tandem_bench_console_${randomBytes(4).toString("hex")}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    await client.query(query).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const postgres = await openDatabase({ driver: "postgres", url: url.toString() });
  try {
    ({ timings: results.postgres, reconciled: reconciliation.postgres } = await measure("PostgreSQL", postgres));
  } finally {
    await postgres.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
  console.log(
    `\n${"query".padEnd(40)} ${"PGlite median".padStart(14)} ${"p95".padStart(8)} ${"Postgres median".padStart(16)} ${"p95".padStart(8)}`,
  );
  for (const query of Object.keys(results.pglite!))
    console.log(
      `${query.padEnd(40)} ${String(results.pglite![query]!.median).padStart(14)} ${String(results.pglite![query]!.p95).padStart(8)} ${String(results.postgres![query]!.median).padStart(16)} ${String(results.postgres![query]!.p95).padStart(8)}`,
    );
  const worst = Math.max(...Object.values(results).flatMap((byQuery) => Object.values(byQuery).map((r) => r.p95)));
  console.log(`\nconsole_p95_ms_max ${worst} ms (goal ≤ ${GOAL_MS}): ${worst <= GOAL_MS ? "met" : "NOT MET"}`);
  const dashboard = Math.max(...Object.values(results).map((byQuery) => byQuery[DASHBOARD]!.p95));
  console.log(`dashboard_p95_ms ${dashboard} ms (goal ≤ ${GOAL_MS}): ${dashboard <= GOAL_MS ? "met" : "NOT MET"}`);
  const rates = Object.entries(reconciliation).map(([driver, r]) => `${driver} ${r.records_per_s} records/s`);
  console.log(`reconciliation of ${RECONCILE_PAIRS} coupled pairs: ${rates.join(", ")}`);
  fs.mkdirSync("bench", { recursive: true });
  const file = "bench/results.json";
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        ...existing,
        console_p95_ms_max: worst,
        console_queries: results,
        dashboard_p95_ms: dashboard,
        reconciliation_100k: reconciliation,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written: ${file}`);
}

await main();
