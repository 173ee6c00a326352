#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then `next start` (or `next dev` with --dev).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}

if (!dev && needsBuild()) {
  console.log("[tandem] building the app (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// Loopback unless HOST says otherwise: the demo accounts' passwords are published. The server checks the host it is
// given (TANDEM_LISTEN_HOST) before it keeps any demo account on a network address.
const host = process.env.HOST?.trim() || "127.0.0.1";
const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", port, "--hostname", host], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TANDEM_ROOT: root, TANDEM_LISTEN_HOST: host, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
