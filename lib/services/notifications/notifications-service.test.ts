import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { notificationAttempts, notificationDeliveries } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { verifySignature } from "@/lib/notifications/signature";
import { deliverNotification } from "./deliver-notification";
import { listDeliveries } from "./list-deliveries";
import { notify, type NotifyInput } from "./notify";
import { receiverStatus } from "./receiver-status";
import { sendTestNotification } from "./send-test-notification";
import { configureWebhook } from "./test/configure-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "./test/webhook-receiver";

const SECRET = "a-shared-secret-of-some-length";
let subjects = 0;
const notice = (): NotifyInput => ({
  event: "job.failed",
  subject: `job-${++subjects}`,
  data: { jobId: `job-${subjects}`, mappingName: "CUSTOMER", direction: "erp-to-crm", counters: { failed: 2 } },
});

describeEachDriver("webhook deliveries", (database: () => TestDatabase) => {
  const db = () => database().db;
  let receiver: WebhookReceiver;
  const attemptsOf = (id: string) =>
    db()
      .select()
      .from(notificationAttempts)
      .where(eq(notificationAttempts.deliveryId, id))
      .orderBy(notificationAttempts.attempt);
  const deliveryOf = async (id: string) =>
    (await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)))[0]!;

  beforeAll(() => void vi.stubEnv("TANDEM_SECRET_KEY", "33".repeat(32)));
  afterAll(() => void vi.unstubAllEnvs());
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    await configureWebhook(db(), { webhookUrl: receiver.url, webhookSecret: SECRET });
  });
  afterEach(() => receiver.close());

  it("should POST a signed JSON payload that verifies with the shared secret when a secret is set", async () => {
    const id = (await notify(db(), notice()))!;
    const result = await deliverNotification(db(), id);
    expect(result).toMatchObject({ delivered: true, statusCode: 204, attempt: 1, status: "delivered" });
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", path: "/hooks/tandem" });
    expect(request!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Tandem-Webhooks/1" });
    const signed = {
      body: request!.body,
      signature: request!.headers["x-tandem-signature"] as string,
      timestamp: request!.headers["x-tandem-timestamp"] as string,
    };
    expect(verifySignature({ ...signed, secret: SECRET })).toBe(true);
    expect(verifySignature({ ...signed, secret: "another-secret-of-length" })).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({
      event: "job.failed",
      id,
      subject: `job-${subjects}`,
      links: { job: `/jobs/job-${subjects}` },
    });
    expect(await deliveryOf(id)).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204 });
    expect(await attemptsOf(id)).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null })]);
  });

  it("should send no signature when no secret is set", async () => {
    await configureWebhook(db(), { webhookUrl: receiver.url, clearWebhookSecret: true });
    await deliverNotification(db(), (await notify(db(), notice()))!);
    expect(receiver.requests[0]!.headers["x-tandem-signature"]).toBeUndefined();
  });

  it("should log every attempt and give up after the last allowed one when the receiver keeps failing", async () => {
    receiver.answer(() => ({ status: 500 }));
    const id = (await notify(db(), notice()))!;
    for (let attempt = 1; attempt <= 3; attempt++)
      await expect(deliverNotification(db(), id, { maxAttempts: 3 })).rejects.toThrow(`attempt ${attempt} of 3`);
    expect(await deliverNotification(db(), id, { maxAttempts: 3 })).toBeNull();
    expect(receiver.requests).toHaveLength(3);
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    expect(await deliveryOf(id)).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500 });
    expect((await deliveryOf(id)).failedAt).toBeInstanceOf(Date);
    expect(JSON.stringify({ attempts, delivery: await deliveryOf(id) })).not.toContain(SECRET);
    expect(await receiverStatus(db())).toMatchObject({ urlSet: true, failing: true, consecutiveFailures: 3 });
  });

  it.each([
    ["a redirect", { status: 302, headers: { location: "/elsewhere" } }, /302, a redirect/],
    ["no answer in time", { status: 204, delayMs: 1500 }, /did not answer within 0.3 s/],
  ])("should count %s as a failed attempt", async (_what, answer, error) => {
    receiver.answer(() => answer);
    const id = (await notify(db(), notice()))!;
    await expect(deliverNotification(db(), id, { timeoutMs: 300 })).rejects.toThrow(error);
    expect(receiver.requests).toHaveLength(1);
    expect(await deliveryOf(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringMatching(error),
    });
  });

  it("should record nothing when no webhook URL is set", async () => {
    await configureWebhook(db(), { webhookUrl: "" });
    const before = await db().select().from(notificationDeliveries);
    expect(await notify(db(), notice())).toBeNull();
    expect(await db().select().from(notificationDeliveries)).toHaveLength(before.length);
  });

  it("should record one delivery per job and event when notified twice", async () => {
    const input = notice();
    const first = await notify(db(), input);
    expect(await notify(db(), input)).toBeNull();
    expect(await notify(db(), { ...input, event: "run.held" })).not.toBeNull();
    const rows = await db()
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.subject, input.subject));
    expect(rows.map((r) => r.event).sort()).toEqual(["job.failed", "run.held"]);
    expect(rows.find((r) => r.event === "job.failed")!.id).toBe(first);
  });

  it("should list the newest deliveries first for a viewer, without their URL", async () => {
    const older = (await notify(db(), notice()))!;
    const newer = (await notify(db(), notice()))!;
    const rows = await listDeliveries({ ctx: await contextAs(db(), "viewer"), input: { limit: 2 } });
    expect(rows.map((r) => r.id)).toEqual([newer, older]);
    expect(rows[0]).toMatchObject({
      status: "pending",
      event: "job.failed",
      summary: expect.stringContaining("CUSTOMER"),
    });
    expect(JSON.stringify(rows)).not.toContain(receiver.url);
  });

  it("should show the receiver healthy again after a success, and judge only the URL set now", async () => {
    receiver.answer(() => ({ status: 503 }));
    const id = (await notify(db(), notice()))!;
    await expect(deliverNotification(db(), id)).rejects.toThrow();
    await expect(deliverNotification(db(), id)).rejects.toThrow();
    receiver.answer(() => ({ status: 200 }));
    await deliverNotification(db(), id);
    const healthy = await receiverStatus(db());
    expect(healthy).toMatchObject({ urlSet: true, failing: false, consecutiveFailures: 0, lastError: null });
    expect(healthy.lastDeliveredAt).toBeInstanceOf(Date);
    await configureWebhook(db(), { webhookUrl: `${receiver.url}/new` });
    expect(await receiverStatus(db())).toMatchObject({ lastDeliveredAt: null, consecutiveFailures: 0, failing: false });
  });

  it("should send a signed test notification to the saved URL for an admin only", async () => {
    const outcome = await sendTestNotification({ ctx: await contextAs(db(), "admin") });
    expect(outcome).toMatchObject({ delivered: true, statusCode: 204 });
    const [request] = receiver.requests;
    expect(JSON.parse(request!.body)).toMatchObject({ event: "test" });
    expect(request!.headers["x-tandem-signature"]).toMatch(/^sha256=/);
    await expect(sendTestNotification({ ctx: await contextAs(db(), "consultant") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await configureWebhook(db(), { webhookUrl: "" });
    await expect(sendTestNotification({ ctx: await contextAs(db(), "admin") })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { webhookUrl: [expect.any(String)] },
    });
  });
});
