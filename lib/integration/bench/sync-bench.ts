// `npm run bench:sync`: full sync of 100k ERP customers → CRM accounts (create + couple), the same at 10k, a raw copy
// of the same pages, and an incremental run after 100 changes. Sandboxes run in their own process on local Postgres
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres); each measurement in a fresh process.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/open-database";
import { queryRows } from "@/db/query-rows";
import { seedScale } from "@/lib/sandbox/seed-scale";
import { SandboxStore } from "@/lib/sandbox/store/sandbox-store";

type Run = {
  ms: number;
  requests: { erp: number; crm: number };
  peakRssMb: number;
  counters: Record<string, number> & { timings?: Record<string, number> };
};
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LARGE = Number(process.env.BENCH_RECORDS ?? 100_000);
const SMALL = LARGE / 10;
const tsx = path.resolve("node_modules/.bin/tsx");

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

function measure(mode: "full" | "incremental" | "raw", url: string, origin: string): Run {
  const out = execFileSync(tsx, [path.resolve("lib/integration/bench/bench-engine-run.ts"), mode, url, origin], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc` },
  });
  if (process.env.BENCH_VERBOSE) process.stderr.write(out);
  return JSON.parse(out.trim().split("\n").at(-1)!) as Run;
}

const name = `tandem_bench_${randomBytes(4).toString("hex")}`;
await admin(`create database ${name}`);
const url = Object.assign(new URL(SERVER), { pathname: `/${name}` }).toString();
const handle = await openDatabase({ driver: "postgres", url });
const server = spawn(tsx, [path.resolve("lib/integration/bench/bench-sandbox-server.ts"), url], {
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await migrateDatabase(handle);
  const origin = await new Promise<string>((resolve) =>
    readline.createInterface({ input: server.stdout! }).once("line", resolve),
  );
  const clear = async () => {
    for (const table of ["couplings", "sync_watermarks", "sync_job_errors", "sync_jobs"])
      await queryRows(handle.db, sql.raw(`delete from ${table}`));
    await queryRows(
      handle.db,
      sql`delete from sandbox_records where (system = 'crm' and entity = 'accounts') or (system = 'erp' and entity = 'customers')`,
    );
  };
  const log = (text: string) => process.stderr.write(`${text}\n`);

  await seedScale(handle.db, { customers: SMALL, systems: ["erp"] });
  const small = measure("full", url, origin);
  log(`full sync ${SMALL.toLocaleString("en-US")}: ${(small.ms / 1000).toFixed(2)} s`);
  await clear();
  await seedScale(handle.db, { customers: LARGE, systems: ["erp"] });
  const raw = measure("raw", url, origin);
  log(`raw copy ${LARGE.toLocaleString("en-US")}: ${(raw.ms / 1000).toFixed(2)} s`);
  await queryRows(handle.db, sql`delete from sandbox_records where system = 'crm' and entity = 'accounts'`);
  const large = measure("full", url, origin);
  log(
    `full sync ${LARGE.toLocaleString("en-US")}: ${(large.ms / 1000).toFixed(2)} s, ${large.counters.inserted} inserted, ${large.counters.failed} failed; ms per phase ${JSON.stringify(large.counters.timings)}`,
  );

  const erp = new SandboxStore(handle.db, "erp");
  const picked = await erp.query({ entity: "customers", limit: 100, offset: Math.floor(LARGE / 3) });
  for (const record of picked)
    await erp.write(
      "customers",
      { id: record.id, data: { ...record.data, city: "Tacoma" }, createdAt: record.createdAt },
      new Date(),
    );
  const incremental = measure("incremental", url, origin);
  log(
    `incremental after ${picked.length} changes: ${incremental.ms.toFixed(0)} ms, ${incremental.counters.modified} modified`,
  );

  const results = {
    full_100k_records_per_s: Math.round(LARGE / (large.ms / 1000)),
    full_100k_crm_requests_per_100: Number((large.requests.crm / (LARGE / 100)).toFixed(3)),
    full_100k_peak_rss_mb: Math.round(large.peakRssMb),
    scale_ratio_100k_over_10k: Number((large.ms / small.ms).toFixed(2)),
    overhead_vs_raw_copy: Number((large.ms / raw.ms).toFixed(2)),
    incremental_100_ms: Math.round(incremental.ms),
    incremental_100_requests: incremental.requests.erp + incremental.requests.crm,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      database: "postgres",
      records: LARGE,
    },
    commit: (() => {
      try {
        return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
      } catch {
        return "unknown";
      }
    })(),
  };
  const goals: [keyof typeof results, string, (v: number) => boolean][] = [
    ["full_100k_records_per_s", "≥ 5,000", (v) => v >= 5000],
    ["full_100k_crm_requests_per_100", "≤ 1", (v) => v <= 1],
    ["full_100k_peak_rss_mb", "≤ 500", (v) => v <= 500],
    ["scale_ratio_100k_over_10k", "≤ 11", (v) => v <= 11],
    ["overhead_vs_raw_copy", "≤ 1.5", (v) => v <= 1.5],
    ["incremental_100_ms", "≤ 2,000", (v) => v <= 2000],
    ["incremental_100_requests", "≤ 10", (v) => v <= 10],
  ];
  console.log(`${"figure".padEnd(34)} ${"value".padStart(10)}  goal       met`);
  for (const [key, goal, met] of goals)
    console.log(
      `${key.padEnd(34)} ${String(results[key]).padStart(10)}  ${goal.padEnd(9)}  ${met(results[key] as number) ? "yes" : "NO"}`,
    );
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  console.log("written: bench/results.json");
} finally {
  server.kill("SIGTERM");
  await handle.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin(`drop database if exists ${name} with (force)`);
}
