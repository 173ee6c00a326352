"use client";
import { useState, useTransition } from "react";
import { resetWatermarkAction, setScheduleEnabledAction } from "@/lib/actions/sync";
import { Button } from "@/components/ui/button";

/** Enable/disable a mapping's schedule, and reset its watermark after a confirmation. */
export function ScheduleControls({
  mapping,
  enabled,
  scheduled,
}: {
  mapping: string;
  enabled: boolean;
  scheduled: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error!.message });
      setConfirming(false);
    });
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        {scheduled && (
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            aria-label={`${enabled ? "Disable" : "Enable"} the schedule of ${mapping}`}
            onClick={() =>
              run(
                () => setScheduleEnabledAction({ mapping, enabled: !enabled }),
                enabled ? "Schedule disabled." : "Schedule enabled.",
              )
            }
          >
            {enabled ? "Disable schedule" : "Enable schedule"}
          </Button>
        )}
        {!confirming ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => setConfirming(true)}
            aria-label={`Reset the watermark of ${mapping}`}
          >
            Reset watermark
          </Button>
        ) : (
          <span
            role="group"
            aria-label={`Confirm the watermark reset of ${mapping}`}
            className="flex items-center gap-2 text-xs"
          >
            The next run reads every record again.
            <Button
              size="sm"
              variant="destructive"
              disabled={pending}
              onClick={() => run(() => resetWatermarkAction({ mapping }), "Watermark reset.")}
            >
              Reset
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        )}
      </div>
      {message && (
        <p
          className={message.ok ? "text-xs text-muted-foreground" : "text-xs text-destructive"}
          role={message.ok ? "status" : "alert"}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
