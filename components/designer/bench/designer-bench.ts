// `npm run bench:designer`: a 200-node / 3,000-edge canvas in headless Chromium against `npm start` on a fresh
// embedded database; prints time to first render and frame times while panning, merges them into bench/results.json.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { migrateDatabase } from "@/db/migrate";
import { openPglite } from "@/db/drivers/open-pglite";
import { mappingVersions } from "@/db/schema";
import { DEMO_USERS } from "@/db/demo-users";
import { draftHash } from "@/lib/services/designer/draft-store";
import { designerBenchGraph } from "./bench-graph";
import { measureFirstRender, measurePanning, zoomToDetail } from "./measure-page";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = path.resolve(".bench-data/designer");

async function seedDraft() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const handle = await openPglite(dataDir);
  await migrateDatabase(handle);
  const graph = designerBenchGraph(200, 3000);
  await handle.db.insert(mappingVersions).values({ number: 0, status: "draft", graph, contentHash: draftHash(graph) });
  await handle.close();
  return graph;
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not start in time");
}

const graph = await seedDraft();
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, PORT: String(PORT), TANDEM_WORKER: "0" };
for (const name of ["DATABASE_URL", "DB_DRIVER", "AUTH_SECRET", "TANDEM_SECRET_KEY"]) delete env[name];
const server = spawn(process.execPath, ["lib/cli/start.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
try {
  await waitForHealth(Date.now() + 600_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1600, height: 1000 } });
  const admin = DEMO_USERS.find((u) => u.role === "admin")!;
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", {
    form: { email: admin.email, password: admin.password, csrfToken },
    maxRedirects: 0,
  });
  const renders: number[] = [];
  // The first load is a warm-up (server caches, the catalogs); then three fresh pages are measured.
  for (let i = 0; i < 4; i++) {
    const page = await context.newPage();
    const ms = await measureFirstRender(page, graph.nodes.length);
    if (i > 0) renders.push(ms);
    await page.close();
  }
  const panPage = await context.newPage();
  await measureFirstRender(panPage, graph.nodes.length);
  const pan = await measurePanning(panPage);
  const detailMs = await zoomToDetail(panPage);
  const detailPan = await measurePanning(panPage);
  await browser.close();

  renders.sort((a, b) => a - b);
  const figures = {
    designer_nodes: graph.nodes.length,
    designer_edges: graph.edges.length,
    designer_first_render_ms: Math.round(renders[1]!),
    designer_pan_fps: Number(pan.fps.toFixed(1)),
    designer_pan_frame_p95_ms: Number(pan.p95.toFixed(1)),
    designer_zoom_to_detail_ms: detailMs,
    designer_pan_fps_detail: Number(detailPan.fps.toFixed(1)),
  };
  console.log(`${"figure".padEnd(28)} ${"value".padStart(8)}  goal     met`);
  console.log(
    `${"designer_first_render_ms".padEnd(28)} ${String(figures.designer_first_render_ms).padStart(8)}  ≤ 2,000  ${figures.designer_first_render_ms <= 2000 ? "yes" : "NO"}`,
  );
  console.log(
    `${"designer_pan_fps".padEnd(28)} ${String(figures.designer_pan_fps).padStart(8)}  ≥ 30     ${figures.designer_pan_fps >= 30 ? "yes" : "NO"}`,
  );
  console.log(`${"designer_pan_frame_p95_ms".padEnd(28)} ${String(figures.designer_pan_frame_p95_ms).padStart(8)}`);
  console.log(`${"designer_zoom_to_detail_ms".padEnd(28)} ${String(figures.designer_zoom_to_detail_ms).padStart(8)}`);
  console.log(`${"designer_pan_fps_detail".padEnd(28)} ${String(figures.designer_pan_fps_detail).padStart(8)}`);
  console.log(
    `(${figures.designer_nodes} nodes, ${figures.designer_edges} edges; first render = navigation start to every node drawn, median of 3; fit view shows the compact level, zoomed in to 1 the field rows and edges of what is on screen)`,
  );
  const file = "bench/results.json";
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const machine = previous.machine ?? {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, ...figures, machine, commit }, null, 2)}\n`);
  console.log(`written: ${file}`);
} finally {
  server.kill("SIGTERM");
}
