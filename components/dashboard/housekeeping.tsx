import Link from "next/link";
import type { Dashboard } from "@/lib/services/dashboard/get-dashboard";
import { formatTime } from "@/components/jobs/counters";
import { Alert } from "@/components/ui/alert";

/** How much job history is kept, and whether the webhook receiver takes the notifications. */
export function Housekeeping({ dashboard }: { dashboard: Dashboard }) {
  const { history, receiver } = dashboard;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p data-testid="history-kept">
        Job history is kept for {history.retentionDays} days (failed jobs longer, while a skipped record refers to
        them): {history.jobs.toLocaleString("en-US")} jobs
        {history.oldestJobAt ? `, the oldest from ${formatTime(history.oldestJobAt)}` : ""}.
      </p>
      {!receiver.url ? (
        <p className="text-muted-foreground">
          No webhook is set: nobody is told when a job fails.{" "}
          <Link className="underline" href="/connections#notifications">
            Set one up
          </Link>
        </p>
      ) : receiver.failing ? (
        <Alert data-testid="receiver-failing">
          The webhook receiver at {new URL(receiver.url).host} keeps failing ({receiver.failedAttemptsSinceSuccess}{" "}
          failed attempts since the last delivery{receiver.lastError ? `; last: ${receiver.lastError}` : ""}).
          Notifications are retried a few times with backoff, then given up.
        </Alert>
      ) : (
        <p data-testid="receiver-ok">
          Notifications go to {new URL(receiver.url).host}; last delivered {formatTime(receiver.lastDeliveredAt)}.
        </p>
      )}
    </div>
  );
}
