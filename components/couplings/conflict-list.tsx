"use client";
import { useState, useTransition } from "react";
import { decideConflictAction } from "@/lib/actions/sync";
import type { OpenConflict } from "@/lib/services/couplings/list-conflicts";
import { Alert } from "@/components/ui/alert";
import { ConflictCard, type Decision } from "./conflict-card";

const applied = (decision: Decision) =>
  "winner" in decision
    ? `Applied: the ${decision.winner === "erp" ? "ERP" : "CRM"} values were written to the other side.`
    : "Applied: each field's chosen value was written to the other side.";

/**
 * Each queued conflict side by side; an admin accepts one side, or a side per field, and the engine applies it. Stays
 * mounted when the last one is decided, so the outcome is still shown above the empty state.
 */
export function ConflictList({ conflicts, canDecide }: { conflicts: OpenConflict[]; canDecide: boolean }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (conflictId: string, decision: Decision) =>
    startTransition(async () => {
      const result = await decideConflictAction({ conflictId, ...decision });
      setOutcome(result.ok ? { ok: true, text: applied(decision) } : { ok: false, text: result.error.message });
    });
  return (
    <div className="flex flex-col gap-4">
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.text}</Alert>}
      {conflicts.length === 0 && (
        <p className="text-sm text-muted-foreground">
          No conflict waits for a decision. Mappings whose update-conflict policy is &quot;queue&quot; park them here.
        </p>
      )}
      {conflicts.map((c) => (
        <ConflictCard
          key={c.id}
          conflict={c}
          canDecide={canDecide}
          pending={pending}
          onDecide={(decision) => decide(c.id, decision)}
        />
      ))}
    </div>
  );
}
