import type { NotificationEvent } from "@/db/schema/notifications";

/** "test" is what the settings form's button sends: never stored, never retried. */
export type PayloadEvent = NotificationEvent | "test";

/** What a job's notification says about it: the job as it ended, and the threshold it passed. */
export type JobEventData = {
  jobId: string;
  pairId: string;
  mappingName: string;
  direction: string;
  status: string;
  counters: Record<string, number>;
  message: string | null;
  skippedThreshold?: number;
};

export type WebhookPayload = {
  event: PayloadEvent;
  /** The delivery's id: the same on every retry, so a receiver can drop a duplicate. */
  id: string;
  occurredAt: string;
  subject: string;
  summary: string;
  data: Partial<JobEventData>;
  /** Paths in the Tandem console, relative to its address. */
  links: Record<string, string>;
};

const MAX_MESSAGE = 300;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const clip = (text: string | null | undefined, fallback: string) => {
  const trimmed = (text ?? "").trim().replace(/\.+$/, "");
  if (!trimmed) return fallback;
  return trimmed.length > MAX_MESSAGE ? `${trimmed.slice(0, MAX_MESSAGE - 1)}…` : trimmed;
};

function summaryOf(event: PayloadEvent, d: Partial<JobEventData>): string {
  const job = `The ${d.mappingName ?? "?"} job (${d.direction ?? "?"})`;
  const failed = d.counters?.failed ?? 0;
  switch (event) {
    case "job.failed":
      return failed > 0
        ? `${job} ended with ${plural(failed, "failed record")}.`
        : `${job} failed: ${clip(d.message, "see the job")}.`;
    case "run.held":
      return `${job} was held by the mass-change guard and waits for an admin to approve or discard it.`;
    case "skipped.threshold":
      return `${job} skipped ${plural(d.counters?.skipped ?? 0, "record")}, more than the threshold of ${d.skippedThreshold ?? "?"}.`;
    case "connection.failing":
      return `${job} could not reach a connected system: ${clip(d.message, "see the job")}.`;
    case "test":
      return "A test notification from Tandem: this receiver is set up.";
  }
}

function linksOf(event: PayloadEvent, d: Partial<JobEventData>): Record<string, string> {
  if (event === "test" || !d.jobId) return { settings: "/connections" };
  const job = `/jobs/${encodeURIComponent(d.jobId)}`;
  if (event === "run.held") return { job, decide: "/mappings" };
  if (event === "connection.failing") return { job, connections: "/connections" };
  if (event === "skipped.threshold")
    return { job, skipped: `/couplings?mapping=${encodeURIComponent(d.mappingName ?? "")}&state=skipped` };
  return { job };
}

/** The JSON a receiver gets for one event. */
export function buildPayload(input: {
  id: string;
  event: PayloadEvent;
  subject: string;
  occurredAt: Date;
  data: Partial<JobEventData>;
}): WebhookPayload {
  const { id, event, subject, occurredAt, data } = input;
  return {
    event,
    id,
    occurredAt: occurredAt.toISOString(),
    subject,
    summary: summaryOf(event, data),
    data,
    links: linksOf(event, data),
  };
}

/** The exact body sent (and signed): keys in the documented order, whatever order the stored JSON has. */
export function serializePayload(payload: WebhookPayload): string {
  const { event, id, occurredAt, subject, summary, data, links } = payload;
  return JSON.stringify({ event, id, occurredAt, subject, summary, data, links });
}
