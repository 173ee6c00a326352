"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { retryJobErrorsAction } from "@/lib/actions/sync";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Retry = { code?: string; field?: string; errorIds?: number[] };

/** Retry all of a job's errors, one root cause, or the chosen rows; the new job opens when it is done. */
export function useRetry(jobId: string) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const retry = (what: Retry) =>
    startTransition(async () => {
      const result = await retryJobErrorsAction({ jobId, ...what });
      if (!result.ok) return setMessage({ ok: false, text: result.error.message });
      const pass = result.data.passes[0];
      setMessage({
        ok: !pass || pass.counters.failed === 0,
        text: pass
          ? `Retried: ${pass.counters.inserted} inserted, ${pass.counters.modified} modified, ${pass.counters.unchanged} unchanged, ${pass.counters.failed} failed.`
          : "Retried.",
      });
      if (pass?.jobId) router.push(`/jobs/${pass.jobId}`);
    });
  const banner = message && <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert>;
  return { retry, pending, banner };
}

export function RetryAllButton({ jobId }: { jobId: string }) {
  const { retry, pending, banner } = useRetry(jobId);
  return (
    <div className="flex flex-col gap-2">
      <Button size="sm" disabled={pending} onClick={() => retry({})}>
        Retry all errors
      </Button>
      {banner}
    </div>
  );
}
