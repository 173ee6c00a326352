"use client";
import { useState, useTransition } from "react";
import { decideConflictAction, retryJobErrorsAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Retry a job's errors, decide a queued conflict (admins); held runs are decided in their own panel. */
export function JobToolsForm() {
  const [id, setId] = useState("");
  const [error, setError] = useState<PublicError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (label: string, run: () => Promise<{ ok: boolean; error?: PublicError }>) =>
    startTransition(async () => {
      const result = await run();
      setError(result.ok ? null : (result.error ?? null));
      setDone(result.ok ? label : null);
    });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="job-tool-id">Job id or conflict id</Label>
        <Input id="job-tool-id" value={id} onChange={(e) => setId(e.target.value.trim())} autoComplete="off" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={pending || !id}
          onClick={() => act("Errors retried.", () => retryJobErrorsAction({ jobId: id }))}
        >
          Retry errors
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending || !id}
          onClick={() =>
            act("Conflict decided: ERP wins.", () => decideConflictAction({ conflictId: id, winner: "erp" }))
          }
        >
          ERP wins
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending || !id}
          onClick={() =>
            act("Conflict decided: CRM wins.", () => decideConflictAction({ conflictId: id, winner: "crm" }))
          }
        >
          CRM wins
        </Button>
      </div>
      {error && <Alert>{error.message}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
    </div>
  );
}
