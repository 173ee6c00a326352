"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  cancelReconciliationAction,
  startReconciliationAction,
  synchronizeDriftedAction,
} from "@/lib/actions/reconciliation";
import type { ActionResult } from "@/lib/actions/define-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Outcome = { ok: boolean; text: string };

function useAct() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const act = <T,>(run: () => Promise<ActionResult<T>>, said: (data: T) => string) =>
    startTransition(async () => {
      const result = await run();
      setOutcome(result.ok ? { ok: true, text: said(result.data) } : { ok: false, text: result.error.message });
      router.refresh();
    });
  return { outcome, pending, act };
}

const Said = ({ outcome }: { outcome: Outcome | null }) =>
  outcome && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.text}</Alert>;

/** Starts a reconciliation of the mapping, or cancels the one running. */
export function ReconcileButtons({ mapping, runningId }: { mapping: string; runningId: string | null }) {
  const { outcome, pending, act } = useAct();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Button
          disabled={pending || runningId !== null}
          onClick={() =>
            act(
              () => startReconciliationAction({ mapping }),
              (d) =>
                d.alreadyRunning ? "A reconciliation of this mapping is already running." : "Reconciliation started.",
            )
          }
        >
          {runningId ? "Reconciling…" : "Reconcile"}
        </Button>
        {runningId && (
          <Button
            variant="outline"
            disabled={pending}
            onClick={() =>
              act(
                () => cancelReconciliationAction({ id: runningId }),
                () => "Cancelling…",
              )
            }
          >
            Cancel
          </Button>
        )}
      </div>
      <Said outcome={outcome} />
    </div>
  );
}

const SIDES = { "erp-to-crm": "ERP values → CRM", "crm-to-erp": "CRM values → ERP" } as const;

/** "Synchronize these": every drifted pair, in the direction the admin picks (the mapping's directions only). */
export function SynchronizeDrifted({ id, directions }: { id: string; directions: (keyof typeof SIDES)[] }) {
  const { outcome, pending, act } = useAct();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {directions.map((direction) => (
          <Button
            key={direction}
            variant="outline"
            disabled={pending}
            onClick={() =>
              act(
                () => synchronizeDriftedAction({ id, direction }),
                (d) =>
                  `Synchronized ${d.pairs} pair(s)${d.changedOnDestination ? `; ${d.changedOnDestination} left out because they changed on the destination since their last sync` : ""}. Reconcile again to confirm.`,
              )
            }
          >
            Synchronize these: {SIDES[direction]}
          </Button>
        ))}
      </div>
      <Said outcome={outcome} />
    </div>
  );
}
