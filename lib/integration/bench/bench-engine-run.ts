// One measured operation in a fresh process: the engine's full or incremental pass, or a raw copy of the same pages.
// Prints one JSON line: milliseconds, requests to each system, peak RSS of this process, counters.
import { BusinessCentralConnector } from "@/lib/connectors/business-central/business-central-connector";
import { DataverseConnector } from "@/lib/connectors/dataverse/dataverse-connector";
import { openDatabase } from "@/db/open-database";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";
import { createEngineContext } from "@/lib/sync/engine/engine-context";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { testPairId } from "../test/test-pair";
import { benchConfig, rawAccount } from "./bench-mapping";

const [mode, dbUrl, origin] = process.argv.slice(2) as ["full" | "incremental" | "raw", string, string];
const credentials = (scope: string) => ({
  tokenUrl: `${origin}${SANDBOX_PATHS.token}/bench/oauth2/v2.0/token`,
  clientId: DEMO_CLIENT.clientId,
  clientSecret: DEMO_CLIENT.clientSecret,
  scope,
});
// Every HTTP request each side receives, token requests included.
const sent = { erp: 0, crm: 0 };
const counting = (side: "erp" | "crm") => (request: Request) => (sent[side]++, fetch(request));
const erp = new BusinessCentralConnector({
  apiUrl: `${origin}${SANDBOX_PATHS.erp}`,
  companyId: BC_COMPANY.id,
  credentials: credentials("https://api.businesscentral.dynamics.com/.default"),
  catalog: STATIC_CATALOGS.erp,
  fetch: counting("erp"),
});
const crm = new DataverseConnector({
  serviceUrl: `${origin}${SANDBOX_PATHS.crm}`,
  credentials: credentials("https://sandbox-crm/.default"),
  catalog: STATIC_CATALOGS.crm,
  fetch: counting("crm"),
});
const handle = await openDatabase({ driver: "postgres", url: dbUrl });

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const started = performance.now();
let counters: unknown = null;
if (mode === "raw") {
  let copied = 0;
  for await (const page of erp.readChanges({ entity: "customers", pageSize: 5000 })) {
    const results = await crm.write(
      "accounts",
      page.records.map((r) => ({ kind: "create" as const, values: rawAccount(r.values) })),
    );
    copied += results.filter((r) => r.ok).length;
  }
  counters = { inserted: copied };
} else {
  const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 0) || undefined;
  const ctx = createEngineContext({
    db: handle.db,
    pairId: await testPairId(handle.db),
    config: benchConfig(),
    connectors: { erp, crm },
    catalogs: STATIC_CATALOGS,
    settings: pageSize ? { pageSize } : {},
  });
  const result = await runMapping(ctx, "CUSTOMER", {
    trigger: "bench",
    mode,
    ...(mode === "full" ? { createUncoupled: true } : {}),
  });
  counters = { ...result.passes[0]!.counters, timings: result.passes[0]!.timings };
}
const ms = performance.now() - started;
const cpu = process.cpuUsage();
const heapAfterGc = (() => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
})();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(
  JSON.stringify({
    ms,
    requests: sent,
    peakRssMb: peak / 1024 / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapAfterGcMb: heapAfterGc,
    counters,
  }) + "\n",
);
await handle.close();
