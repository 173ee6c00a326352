// `npm run bench:read`: read 100k seeded accounts through the Dataverse connector over loopback HTTP.
// Goal: ≥ 20,000 records/s in 20 requests. BENCH_RECORDS changes the count; BENCH_DATABASE_URL uses Postgres.
import { createTestDatabase } from "@/db/test/test-database";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SandboxRuntime, SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";
import { seedScale } from "@/lib/sandbox/seed-scale";
import { serveSandbox } from "@/lib/sandbox/serve-sandbox";
import { DataverseConnector } from "../dataverse/dataverse-connector";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const driver = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const database = await createTestDatabase(driver);
const seeding = Date.now();
await seedScale(database.db, { customers: RECORDS, systems: ["crm"] });
console.log(
  `seeded ${RECORDS.toLocaleString("en-US")} accounts on ${driver} in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
);

const runtime = new SandboxRuntime({
  db: database.db,
  settings: { crm: { throttle: { requests: 1_000_000, windowSeconds: 300 } } },
});
const served = await serveSandbox(runtime);
const connector = new DataverseConnector({
  serviceUrl: `${served.origin}${SANDBOX_PATHS.crm}`,
  credentials: {
    tokenUrl: `${served.origin}${SANDBOX_PATHS.token}/bench/oauth2/v2.0/token`,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    scope: "https://sandbox-crm/.default",
  },
  catalog: STATIC_CATALOGS.crm,
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const select = [
  "name",
  "accountnumber",
  "address1_city",
  "emailaddress1",
  "customertypecode",
  "statecode",
  "ownerid",
  "transactioncurrencyid",
];
const before = served.requests();
const started = performance.now();
let read = 0;
for await (const page of connector.readChanges({ entity: "accounts", select, pageSize: 5000 }))
  read += page.records.length;
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const requests = served.requests() - before;
const pages = requests - 1; // one token request

console.log(
  `read ${read.toLocaleString("en-US")} accounts in ${seconds.toFixed(2)} s → ${Math.round(read / seconds).toLocaleString("en-US")} records/s`,
);
console.log(`requests: ${requests} (${pages} pages of ≤ 5000 + 1 token)`);
console.log(`peak RSS (client, server and ${driver} in one process): ${Math.round(peakRss / 1024 / 1024)} MB`);
console.log(
  `goal ≥ 20,000 records/s with 20 page requests → ${read / seconds >= 20_000 && pages <= Math.ceil(RECORDS / 5000) ? "met" : "NOT met"}`,
);
await served.close();
await database.drop();
