#!/usr/bin/env node
// The server Playwright starts: `npm start` on its own port with a fresh embedded database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".e2e-data");
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  PGLITE_DIR: dataDir,
  PORT: process.env.E2E_PORT ?? "3100",
  CRON_SECRET: "e2e-cron-secret",
};
for (const name of ["DATABASE_URL", "DB_DRIVER", "AUTH_SECRET", "TANDEM_SECRET_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD"])
  delete env[name];
const child = spawn(process.execPath, [path.join(root, "lib", "cli", "start.mjs")], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
