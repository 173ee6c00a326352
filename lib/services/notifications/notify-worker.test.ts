import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { notificationAttempts, notificationDeliveries } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { NOTIFY_QUEUE } from "@/lib/jobs/boss";
import { enqueueDue } from "@/lib/jobs/enqueue";
import { registerQueue, unregisterQueue } from "@/lib/jobs/queue-registry";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { notify, type NotifyInput } from "./notify";
import { configureWebhook } from "./test/configure-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "./test/webhook-receiver";

let n = 0;
const notice = (): NotifyInput => ({ event: "run.held", subject: `held-${++n}`, data: { jobId: `held-${n}` } });

describeEachDriver("webhook deliveries on the job queue", (database: () => TestDatabase) => {
  const db = () => database().db;
  let worker: Worker;
  let receiver: WebhookReceiver;
  const settled = async (id: string) => {
    for (const until = Date.now() + 45_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      const [row] = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
      if (row && row.status !== "pending") return row;
    }
    throw new Error(`delivery ${id} still pending`);
  };
  const attemptsOf = async (id: string) =>
    (await db().select().from(notificationAttempts).where(eq(notificationAttempts.deliveryId, id))).map(
      (a) => a.statusCode,
    );

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "55".repeat(32));
    receiver = await startWebhookReceiver();
    await configureWebhook(db(), { webhookUrl: receiver.url });
    worker = await startWorker(database(), { cron: false, pollingIntervalSeconds: 0.5 });
    expect(await worker.boss.getQueue(NOTIFY_QUEUE)).toMatchObject({
      retryLimit: 6,
      retryDelay: 2,
      retryBackoff: true,
    });
    // The production schedule waits minutes in all; the same policy, shortened: 3 attempts, 1–2 s then 2–4 s apart.
    await worker.boss.updateQueue(NOTIFY_QUEUE, { retryLimit: 2, retryDelay: 1 });
    registerQueue(db(), worker.boss);
  }, 60_000);
  afterAll(async () => {
    unregisterQueue(db());
    await worker?.stop();
    await receiver?.close();
    vi.unstubAllEnvs();
  });

  it("should retry with backoff and deliver when the receiver recovers", async () => {
    const start = receiver.requests.length;
    receiver.answer((i) => ({ status: i - start <= 2 ? 500 : 204 }));
    const id = (await notify(db(), notice()))!;
    expect(await settled(id)).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 204 });
    expect(await attemptsOf(id)).toEqual([500, 500, 204]);
  }, 60_000);

  it("should give up after the queue's last retry when the receiver keeps failing", async () => {
    receiver.answer(() => ({ status: 500 }));
    const id = (await notify(db(), notice()))!;
    expect(await settled(id)).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500 });
    // The delivery is marked before the handler throws; the queue settles its job just after.
    await vi.waitFor(async () => expect((await worker.boss.getJobById(NOTIFY_QUEUE, id))?.state).toBe("failed"), {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await attemptsOf(id)).toEqual([500, 500, 500]);
  }, 60_000);

  it("should queue a delivery recorded without a queue when the minute tick sweeps", async () => {
    receiver.answer(() => ({ status: 204 }));
    unregisterQueue(db());
    const id = (await notify(db(), notice()))!;
    registerQueue(db(), worker.boss);
    await enqueueDue(db(), worker.boss, new Date(Date.now() + 30_000));
    expect(await worker.boss.getJobById(NOTIFY_QUEUE, id), "younger than a minute: left alone").toBeNull();
    await enqueueDue(db(), worker.boss, new Date(Date.now() + 61_000));
    await enqueueDue(db(), worker.boss, new Date(Date.now() + 61_000)); // a second sweep makes no second job
    expect(await settled(id)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(await worker.boss.findJobs(NOTIFY_QUEUE, { data: { deliveryId: id } })).toHaveLength(1);
  }, 60_000);
});
