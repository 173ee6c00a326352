"use client";
import { useState, useTransition } from "react";
import { dryRunMappingAction, runMappingNowAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import type { DiffEntry } from "@/lib/sync/engine/dry-run-diff";
import { DryRunDiff } from "@/components/mappings/dry-run-diff";
import { Button } from "@/components/ui/button";

type DrySummary = { flow: string; counts: Record<string, number>; truncated: boolean; entries: DiffEntry[] };

/** Run now (admins) and Dry run (consultants and admins) for one mapping, with the answer shown in place. */
export function MappingActions({
  mapping,
  canRun,
  canDryRun,
}: {
  mapping: string;
  canRun: boolean;
  canDryRun: boolean;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<PublicError | null>(null);
  const [dry, setDry] = useState<DrySummary[] | null>(null);
  const [pending, startTransition] = useTransition();

  const runNow = () =>
    startTransition(async () => {
      const result = await runMappingNowAction({ mapping });
      setError(result.ok ? null : result.error);
      setMessage(
        result.ok
          ? result.data.queued
            ? "Queued; the worker runs it shortly."
            : "A run is already waiting or running."
          : null,
      );
    });
  const dryRun = () =>
    startTransition(async () => {
      const result = await dryRunMappingAction({ mapping });
      setError(result.ok ? null : result.error);
      if (!result.ok) return;
      setDry(
        result.data.passes.map((pass) => ({
          flow: pass.flow,
          truncated: Boolean(pass.diffTruncated),
          entries: pass.diff ?? [],
          counts: (pass.diff ?? []).reduce<Record<string, number>>(
            (acc, entry) => ({ ...acc, [entry.action]: (acc[entry.action] ?? 0) + 1 }),
            {},
          ),
        })),
      );
    });

  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-2">
        {canRun && (
          <Button size="sm" variant="outline" disabled={pending} onClick={runNow} aria-label={`Run ${mapping} now`}>
            Run now
          </Button>
        )}
        {canDryRun && (
          <Button size="sm" variant="ghost" disabled={pending} onClick={dryRun} aria-label={`Dry run ${mapping}`}>
            Dry run
          </Button>
        )}
      </div>
      {message && (
        <p className="text-xs text-muted-foreground" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="text-xs text-destructive" role="alert">
          {error.message}
        </p>
      )}
      {dry && (
        <ul className="text-xs text-muted-foreground" aria-label={`Dry run of ${mapping}`}>
          {dry.map((pass) => (
            <li key={pass.flow}>
              {pass.flow}:{" "}
              {Object.entries(pass.counts)
                .map(([action, n]) => `${n} ${action}`)
                .join(", ") || "nothing to do"}
              {pass.truncated ? " (first 1,000 shown)" : ""}
            </li>
          ))}
        </ul>
      )}
      {dry?.map((pass) => (
        <DryRunDiff key={pass.flow} flow={pass.flow} entries={pass.entries} truncated={pass.truncated} />
      ))}
    </div>
  );
}
