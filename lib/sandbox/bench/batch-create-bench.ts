// `npx tsx lib/sandbox/bench/batch-create-bench.ts`: ms per Dataverse $batch of 1,000 account creates, in process
// (no HTTP), as the connector sends them. BENCH_DATABASE_URL uses Postgres; BENCH_BATCHES changes the count.
import { randomUUID } from "node:crypto";
import { buildMultipart, type BatchItem } from "@/lib/connectors/odata/multipart";
import { createTestDatabase } from "@/db/test/test-database";
import { USD } from "../demo/demo-crm-masters";
import { SandboxRuntime, SANDBOX_PATHS } from "../sandbox-runtime";
import { DEMO_CLIENT } from "../sandbox-settings";
import { resetSandbox } from "../seed-sandbox";

const BATCHES = Number(process.env.BENCH_BATCHES ?? 6);
const SIZE = 1000;
const driver = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const database = await createTestDatabase(driver);
await resetSandbox(database.db);
const runtime = new SandboxRuntime({
  db: database.db,
  settings: { crm: { throttle: { requests: 1_000_000, windowSeconds: 300 } } },
});
const origin = "http://sandbox.test";
const tokenResponse = await runtime.token(
  new Request(`${origin}${SANDBOX_PATHS.token}/t/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
      scope: "https://sandbox-crm/.default",
    }),
  }),
);
const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

function batchBody(batch: number): string {
  const items: BatchItem[] = Array.from({ length: SIZE }, (_, i) => ({
    message: {
      method: "POST",
      url: `${origin}${SANDBOX_PATHS.crm}/accounts`,
      headers: { "Content-Type": "application/json; type=entry", Prefer: "return=representation" },
      body: JSON.stringify({
        name: `Bench ${batch}-${i}`,
        accountnumber: `B${batch}-${i}`,
        address1_city: "Oslo",
        emailaddress1: `b${i}@example.com`,
        customertypecode: 3,
        "transactioncurrencyid@odata.bind": `/transactioncurrencies(${USD})`,
      }),
      contentId: String(i + 1),
    },
  }));
  return buildMultipart("batch_bench", items, () => `changeset_${randomUUID()}`);
}

const timings: number[] = [];
for (let batch = 0; batch < BATCHES; batch++) {
  const body = batchBody(batch);
  const started = performance.now();
  const response = await runtime.handle(
    "crm",
    new Request(`${origin}${SANDBOX_PATHS.crm}/$batch`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "multipart/mixed; boundary=batch_bench",
        Prefer: "odata.continue-on-error",
      },
      body,
    }),
  );
  const text = await response.text();
  timings.push(performance.now() - started);
  const created = text.match(/HTTP\/1\.1 201/g)?.length ?? 0;
  if (created !== SIZE) throw new Error(`batch ${batch}: ${created} of ${SIZE} created`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(0);
const warm = timings.slice(1);
console.log(
  `${driver}: ${BATCHES} batches of ${SIZE} creates; first ${timings[0]!.toFixed(0)} ms, then median ${median(warm)} ms (min ${Math.min(...warm).toFixed(0)})`,
);
await database.drop();
