import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { notificationDeliveries, syncJobs } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { openEngine } from "@/lib/integration/open-engine";
import { configureExternalEngine } from "@/lib/integration/test/external-engine";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { registerQueue, unregisterQueue } from "@/lib/jobs/queue-registry";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { verifySignature } from "@/lib/notifications/signature";
import { runMapping } from "@/lib/sync/engine/run-mapping";
import { configureWebhook } from "./test/configure-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "./test/webhook-receiver";

const MAPPING = "ITEM-PRODUCT";
const ITEMS = 30; // over the mass-change guard's floor of 20
const SECRET = "engine-test-shared-secret";

/** Items → products; the price goes through a value map that knows every price but the last item's, which fails. */
const config = () =>
  compileMappings([
    {
      name: MAPPING,
      erp: { entity: "items", key: "id", modifiedOn: "lastModifiedDateTime" },
      crm: { entity: "products", key: "productid", modifiedOn: "modifiedon" },
      direction: "erp-to-crm",
      syncOnlyCoupled: false,
      fields: [
        { erp: "number", crm: "productnumber", direction: "erp-to-crm" },
        { erp: "displayName", crm: "name", direction: "erp-to-crm" },
        {
          erp: "unitPrice",
          crm: "price",
          direction: "erp-to-crm",
          valueMap: { pairs: Array.from({ length: ITEMS - 1 }, (_, i) => [100 + i, 100 + i]), onMissing: "fail" },
        },
      ],
      defaultsOnCreate: { crm: { producttypecode: 1, quantitydecimal: 2 } },
    },
  ]);

describeEachDriver("notifications from the engine, delivered by the worker", (database: () => TestDatabase) => {
  const db = () => database().db;
  let h: SyncHarness;
  let worker: Worker;
  let receiver: WebhookReceiver;
  const received = async (count: number) => {
    for (const until = Date.now() + 30_000; receiver.requests.length < count && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return receiver.requests.map((r) => JSON.parse(r.body) as { event: string; subject: string });
  };

  beforeAll(async () => {
    const compiled = config();
    h = await startSyncHarness(compiled);
    for (const [name, value] of Object.entries(await configureExternalEngine(db(), h.harness, compiled)))
      vi.stubEnv(name, value);
    receiver = await startWebhookReceiver();
    await configureWebhook(db(), { webhookUrl: receiver.url, webhookSecret: SECRET });
    await h.seed(
      "erp",
      "items",
      Array.from({ length: ITEMS }, (_, i) => ({ number: `I${i}`, displayName: `Item ${i}`, unitPrice: 100 + i })),
    );
    worker = await startWorker(database(), { cron: false, pollingIntervalSeconds: 0.5 });
    registerQueue(db(), worker.boss);
  }, 120_000);
  afterAll(async () => {
    unregisterQueue(db());
    await worker?.stop();
    await receiver?.close();
    await h?.close();
    vi.unstubAllEnvs();
  });

  it("should deliver one signed job.failed notification when a run ends with failed records", async () => {
    await runMapping(await openEngine(db()), MAPPING, { trigger: "test", mode: "full", createUncoupled: true });
    const [job] = await db().select().from(syncJobs).where(eq(syncJobs.mappingName, MAPPING));
    expect(job).toMatchObject({ failed: 1, inserted: ITEMS - 1 });
    expect(await received(1)).toEqual([expect.objectContaining({ event: "job.failed", subject: job!.id })]);
    const [request] = receiver.requests;
    const header = (name: string) => request!.headers[name] as string | undefined;
    const [signature, timestamp] = [header("x-tandem-signature"), header("x-tandem-timestamp")];
    expect(verifySignature({ body: request!.body, secret: SECRET, signature, timestamp })).toBe(true);
  }, 60_000);

  it("should deliver one run.held notification when the mass-change guard holds a run", async () => {
    const items = await h.all("erp", "items");
    for (const item of items) await h.edit("erp", "items", item.id, { displayName: `Renamed ${item.data.number}` });
    await runMapping(await openEngine(db()), MAPPING, { trigger: "test", mode: "incremental" });
    const [held] = await db().select().from(syncJobs).where(eq(syncJobs.status, "held"));
    expect(held).toBeDefined();
    const events = await received(2);
    expect(events.slice(1)).toEqual([expect.objectContaining({ event: "run.held", subject: held!.id })]);
    const rows = await db().select().from(notificationDeliveries);
    expect(rows.map((r) => [r.event, r.status]).sort()).toEqual([
      ["job.failed", "delivered"],
      ["run.held", "delivered"],
    ]);
  }, 60_000);
});
