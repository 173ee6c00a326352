import { describe, expect, it } from "vitest";
import type { EndedJob } from "@/lib/sync/engine/engine-context";
import { emptyCounters } from "@/lib/sync/model/counters";
import { noticesForJob } from "./job-events";
import { buildPayload, serializePayload, type JobEventData } from "./payload";
import { signatureHeaders, signatureOf, verifySignature } from "./signature";

const job = (over: Partial<EndedJob> = {}, counters: Partial<EndedJob["counters"]> = {}): EndedJob => ({
  jobId: "job-1",
  pairId: "pair-1",
  mappingName: "CUSTOMER",
  direction: "erp-to-crm",
  status: "succeeded",
  counters: { ...emptyCounters(), ...counters },
  message: null,
  connectionFailed: false,
  ...over,
});

describe("which events a job that ended sends", () => {
  it.each([
    ["nothing", "the job succeeded cleanly", job(), []],
    ["job.failed", "the job failed", job({ status: "failed", message: "boom" }), ["job.failed:job-1"]],
    ["job.failed", "the job succeeded with failed records", job({}, { failed: 2 }), ["job.failed:job-1"]],
    ["run.held", "the mass-change guard held the run", job({ status: "held" }), ["run.held:job-1"]],
    [
      "skipped.threshold",
      "more records were skipped than the threshold",
      job({}, { skipped: 11 }),
      ["skipped.threshold:job-1"],
    ],
    ["nothing", "the skipped records equal the threshold", job({}, { skipped: 10 }), []],
    [
      "job.failed and connection.failing",
      "a connection failed",
      job({ status: "failed", connectionFailed: true }),
      ["job.failed:job-1", "connection.failing:pair-1:job-1"],
    ],
  ])("should send %s when %s", (_what, _when, ended, expected) => {
    const notices = noticesForJob(ended, 10);
    expect(notices.map((n) => `${n.event}:${n.subject}`)).toEqual(expected);
  });

  it("should carry the threshold when the skipped records passed it", () => {
    const [notice] = noticesForJob(job({}, { skipped: 4 }), 3);
    expect(notice!.data).toMatchObject({ skippedThreshold: 3, counters: { skipped: 4 } });
  });
});

describe("the payload of an event", () => {
  const data: JobEventData = {
    jobId: "job-1",
    pairId: "pair-1",
    mappingName: "CUSTOMER",
    direction: "erp-to-crm",
    status: "failed",
    counters: { ...emptyCounters(), failed: 3, skipped: 12 },
    message: "The Business Central connection refused the token.",
    skippedThreshold: 10,
  };
  const at = new Date("2024-05-01T10:00:00Z");
  it.each([
    ["job.failed", /^The CUSTOMER job \(erp-to-crm\) ended with 3 failed records\.$/, { job: "/jobs/job-1" }],
    ["run.held", /held by the mass-change guard/, { job: "/jobs/job-1", decide: "/mappings" }],
    [
      "skipped.threshold",
      /skipped 12 records, more than the threshold of 10\.$/,
      { job: "/jobs/job-1", skipped: "/couplings?mapping=CUSTOMER&state=skipped" },
    ],
    [
      "connection.failing",
      /could not reach a connected system: The Business Central connection refused the token\.$/,
      { job: "/jobs/job-1", connections: "/connections" },
    ],
    ["test", /test notification/, { settings: "/connections" }],
  ] as const)("should say what happened in one sentence with links when the event is %s", (event, summary, links) => {
    const payload = buildPayload({ id: "d-1", event, subject: "job-1", occurredAt: at, data });
    expect(payload).toMatchObject({ event, id: "d-1", subject: "job-1", occurredAt: "2024-05-01T10:00:00.000Z" });
    expect(payload.summary).toMatch(summary);
    expect(payload.summary.split(/\.\s/)).toHaveLength(1);
    expect(payload.links).toEqual(links);
  });

  it("should name the job's own failure when no record failed", () => {
    const payload = buildPayload({
      id: "d",
      event: "job.failed",
      subject: "j",
      occurredAt: at,
      data: { ...data, counters: emptyCounters(), message: "The ERP is down." },
    });
    expect(payload.summary).toBe("The CUSTOMER job (erp-to-crm) failed: The ERP is down.");
  });

  it("should put the keys in the documented order when the stored JSON has them in another", () => {
    const payload = buildPayload({ id: "d", event: "run.held", subject: "j", occurredAt: at, data });
    const shuffled = Object.fromEntries(Object.entries(payload).reverse()) as typeof payload;
    expect(Object.keys(JSON.parse(serializePayload(shuffled)))).toEqual([
      "event",
      "id",
      "occurredAt",
      "subject",
      "summary",
      "data",
      "links",
    ]);
  });
});

describe("the signature", () => {
  const body = '{"event":"job.failed"}';
  const now = 1_714_557_600_000;
  const headers = signatureHeaders(body, "s3cret-shared-value", now);
  const check = (over: Partial<Parameters<typeof verifySignature>[0]> = {}) =>
    verifySignature({
      body,
      secret: "s3cret-shared-value",
      signature: headers["X-Tandem-Signature"],
      timestamp: headers["X-Tandem-Timestamp"],
      now,
      ...over,
    });

  it("should sign the timestamp and the raw body with HMAC-SHA256 when a secret is set", () => {
    expect(headers["X-Tandem-Timestamp"]).toBe("1714557600");
    // echo -n '1714557600.{"event":"job.failed"}' | openssl dgst -sha256 -hmac s3cret-shared-value
    expect(headers["X-Tandem-Signature"]).toBe(
      "sha256=8f62d5db0dcff2f078a8e11581b9736f07a3d298e7e1c147b53f8b44ddeb4a6b",
    );
    expect(signatureOf(body, "s3cret-shared-value", 1714557600)).toBe(headers["X-Tandem-Signature"]);
  });

  it.each([
    ["verify", "nothing was changed", {}, true],
    ["refuse", "the body was changed", { body: '{"event":"run.held"}' }, false],
    ["refuse", "the secret differs", { secret: "another-secret-value" }, false],
    ["refuse", "the timestamp was swapped", { timestamp: "1714557601", now: now + 1000 }, false],
    ["refuse", "the request is older than five minutes", { now: now + 301_000 }, false],
    ["refuse", "the signature is missing", { signature: undefined }, false],
    ["refuse", "the signature is cut short", { signature: headers["X-Tandem-Signature"]!.slice(0, 20) }, false],
  ])("should %s when %s", (_verb, _when, over, expected) => {
    expect(check(over)).toBe(expected);
  });
});
