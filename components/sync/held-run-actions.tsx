"use client";
import { useState, useTransition } from "react";
import { approveHeldRunAction, discardHeldRunAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import { Button } from "@/components/ui/button";

/** Approve (one run with the guard lifted) or discard one held run; either resumes the mapping's schedule. */
export function HeldRunActions({ jobId, label }: { jobId: string; label: string }) {
  const [error, setError] = useState<PublicError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (run: typeof approveHeldRunAction, message: string) =>
    startTransition(async () => {
      const result = await run({ jobId });
      setError(result.ok ? null : result.error);
      setDone(result.ok ? message : null);
    });

  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={pending || Boolean(done)}
          onClick={() => decide(approveHeldRunAction, "Approved: the run is queued with the guard lifted.")}
          aria-label={`Approve held run of ${label}`}
        >
          Approve
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending || Boolean(done)}
          onClick={() => decide(discardHeldRunAction, "Discarded: nothing was written.")}
          aria-label={`Discard held run of ${label}`}
        >
          Discard
        </Button>
      </div>
      {done && (
        <p className="text-xs text-muted-foreground" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="text-xs text-destructive" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
