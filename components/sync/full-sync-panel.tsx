"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { startFullSyncAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Starts a full synchronization (admins) and refreshes the page every few seconds while one runs. */
export function FullSyncPanel({
  canRun,
  running,
  progress,
}: {
  canRun: boolean;
  running: boolean;
  progress: { done: number; total: number } | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<PublicError | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);

  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>{error.message}</Alert>}
      {progress && (
        <div className="flex items-center gap-3">
          <progress className="h-2 w-64" max={progress.total} value={progress.done} aria-label="Mappings finished" />
          <span className="text-sm text-muted-foreground">
            {progress.done} of {progress.total} mappings done
          </span>
        </div>
      )}
      {canRun && (
        <Button
          className="self-start"
          disabled={pending || running}
          onClick={() =>
            startTransition(async () => {
              const result = await startFullSyncAction();
              setError(result.ok ? null : result.error);
              router.refresh();
            })
          }
        >
          {running ? "Full synchronization running…" : pending ? "Starting…" : "Start full synchronization"}
        </Button>
      )}
    </div>
  );
}
