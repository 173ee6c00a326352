#!/usr/bin/env node
// `npm test`: type check, lint, vitest, then Playwright e2e. Every stage runs even if an earlier one failed, so one
// run reports everything; test-results/summary.json gets the totals and the exit code is non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
for (const file of ["vitest.json", "playwright.json", "summary.json"])
  fs.rmSync(path.join(results, file), { force: true });

function run(label, command, args) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
  });
  console.log(
    `== ${label}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, file), "utf8"));
  } catch {
    return null;
  }
}

/**
 * Without TEST_DATABASE_URL, a PostgreSQL server answering on 127.0.0.1:5432 (as on these machines and in CI) is
 * used for the Postgres and Neon suites on a fresh `tandem_test` database; otherwise only PGlite runs.
 */
async function localPostgres() {
  if (process.env.TEST_DATABASE_URL || process.env.TANDEM_TEST_NO_LOCAL_PG) return;
  const { default: pg } = await import("pg");
  const client = new pg.Client({
    connectionString: "postgres://postgres@127.0.0.1:5432/postgres",
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query("drop database if exists tandem_test with (force)");
    await client.query("create database tandem_test");
    process.env.TEST_DATABASE_URL = process.env.TEST_NEON_URL = "postgres://postgres@127.0.0.1:5432/tandem_test";
    console.log("== using the local PostgreSQL server for the Postgres and Neon suites (database tandem_test)");
  } catch {
    console.log(
      "== no PostgreSQL on 127.0.0.1:5432: database suites run on PGlite only (set TEST_DATABASE_URL to add Postgres)",
    );
  } finally {
    await client.end().catch(() => {});
  }
}
await localPostgres();

const typecheckOk = run("type check", bin("tsc"), ["--noEmit", "-p", "."]);
const lintOk = run("lint (ESLint, Prettier)", "npm", ["run", "--silent", "lint"]);
const vitestOk = run("vitest (unit, services, database suites)", bin("vitest"), ["run"]);
const e2eOk = run("playwright (e2e in Chromium)", bin("playwright"), ["test"]);

const vitest = readJson("vitest.json");
const playwright = readJson("playwright.json");
// A stage that crashed before reporting counts as one failure, never as zero tests.
const passed =
  (typecheckOk ? 1 : 0) +
  (vitest?.numPassedTests ?? 0) +
  (playwright ? playwright.stats.expected + playwright.stats.flaky : 0);
const failed =
  (typecheckOk ? 0 : 1) +
  (lintOk ? 0 : 1) +
  (vitest ? vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1) : vitestOk ? 0 : 1) +
  (playwright ? playwright.stats.unexpected + (e2eOk || playwright.stats.unexpected ? 0 : 1) : e2eOk ? 0 : 1);
const skipped = (vitest ? vitest.numPendingTests + vitest.numTodoTests : 0) + (playwright?.stats.skipped ?? 0);
fs.writeFileSync(path.join(results, "summary.json"), JSON.stringify({ passed, failed, skipped }, null, 2));
console.log(
  `\nSummary: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped: a skipped test is a defect)` : ""}`,
);
process.exit(typecheckOk && lintOk && vitestOk && e2eOk && skipped === 0 ? 0 : 1);
