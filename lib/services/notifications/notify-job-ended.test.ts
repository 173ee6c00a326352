import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { notificationDeliveries } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import type { EndedJob } from "@/lib/sync/engine/engine-context";
import { emptyCounters } from "@/lib/sync/model/counters";
import { notifyJobEnded } from "./notify-job-ended";
import { configureWebhook } from "./test/configure-webhook";

let n = 0;
const ended = (over: Partial<EndedJob> = {}, counters: Partial<EndedJob["counters"]> = {}): EndedJob => ({
  jobId: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  pairId: "pair-1",
  mappingName: "CUSTOMER",
  direction: "crm-to-erp",
  status: "succeeded",
  counters: { ...emptyCounters(), ...counters },
  message: null,
  connectionFailed: false,
  ...over,
});

describeEachDriver("notifications of a job that ended", (database: () => TestDatabase) => {
  const db = () => database().db;
  const eventsOf = async (...jobs: EndedJob[]) => {
    const subjects = jobs.flatMap((j) => [j.jobId, `${j.pairId}:${j.jobId}`]);
    const rows = await db()
      .select()
      .from(notificationDeliveries)
      .where(inArray(notificationDeliveries.subject, subjects));
    return rows.map((r) => `${r.event}@${r.subject}`).sort();
  };

  beforeAll(async () => {
    vi.stubEnv("TANDEM_SECRET_KEY", "44".repeat(32));
    await configureWebhook(db(), { webhookUrl: "http://127.0.0.1:9/unused", skippedThreshold: 5 });
  });
  afterAll(() => void vi.unstubAllEnvs());

  it.each([
    ["nothing", "the job succeeded cleanly", ended(), []],
    ["job.failed", "records failed", ended({}, { failed: 1 }), ["job.failed"]],
    ["run.held", "the run was held", ended({ status: "held" }), ["run.held"]],
    ["nothing", "skipped records equal the saved threshold", ended({}, { skipped: 5 }), []],
    ["skipped.threshold", "skipped records pass the saved threshold", ended({}, { skipped: 6 }), ["skipped.threshold"]],
    [
      "connection.failing and job.failed",
      "a connection failed",
      ended({ status: "failed", connectionFailed: true, message: "token refused" }),
      ["connection.failing", "job.failed"],
    ],
  ])("should record %s when %s", async (_what, _when, job, events) => {
    await notifyJobEnded(db(), job);
    await notifyJobEnded(db(), job); // a listener called twice still tells once
    expect((await eventsOf(job)).map((e) => e.split("@")[0])).toEqual(events);
  });

  it("should name the pair and the job as the subject of a connection failure", async () => {
    const job = ended({ status: "failed", connectionFailed: true });
    await notifyJobEnded(db(), job);
    expect(await eventsOf(job)).toContain(`connection.failing@pair-1:${job.jobId}`);
  });

  it("should record nothing when no webhook URL is set", async () => {
    await configureWebhook(db(), { webhookUrl: "" });
    const job = ended({ status: "failed" }, { failed: 3, skipped: 50 });
    await notifyJobEnded(db(), job);
    expect(await eventsOf(job)).toEqual([]);
  });
});
