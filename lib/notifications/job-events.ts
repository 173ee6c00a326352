import type { NotificationEvent } from "@/db/schema/notifications";
import type { EndedJob } from "@/lib/sync/engine/engine-context";
import type { JobEventData } from "./payload";

export type JobNotice = { event: NotificationEvent; subject: string; data: JobEventData };

/**
 * What a job that ended is worth telling: each event at most once per job (the subject names the job), so a retried
 * listener or a second call never sends it twice.
 */
export function noticesForJob(job: EndedJob, skippedThreshold: number): JobNotice[] {
  const data: JobEventData = {
    jobId: job.jobId,
    pairId: job.pairId,
    mappingName: job.mappingName,
    direction: job.direction,
    status: job.status,
    counters: { ...job.counters },
    message: job.message,
  };
  const notices: JobNotice[] = [];
  if (job.status === "failed" || job.counters.failed > 0)
    notices.push({ event: "job.failed", subject: job.jobId, data });
  if (job.status === "held") notices.push({ event: "run.held", subject: job.jobId, data });
  if (job.counters.skipped > skippedThreshold)
    notices.push({ event: "skipped.threshold", subject: job.jobId, data: { ...data, skippedThreshold } });
  if (job.connectionFailed) notices.push({ event: "connection.failing", subject: `${job.pairId}:${job.jobId}`, data });
  return notices;
}
