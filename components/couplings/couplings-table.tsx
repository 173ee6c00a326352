"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { restoreSkippedAction, syncNowAction, uncoupleRecordsAction } from "@/lib/actions/sync";
import type { CouplingRow } from "@/lib/services/couplings/list-couplings";
import { ServerTable, type ServerColumn, type ServerTableState } from "@/components/data-table/server-table";
import { formatTime } from "@/components/jobs/counters";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

type Outcome = { ok: boolean; text: string };
type Result = { ok: true; data: unknown } | { ok: false; error: { message: string } };

const state = (row: CouplingRow) =>
  row.skipped ? (
    <Badge variant="warning">skipped</Badge>
  ) : row.lastResultErp === "failure" || row.lastResultCrm === "failure" ? (
    <Badge variant="destructive">failed</Badge>
  ) : (
    <Badge variant="success">coupled</Badge>
  );

/** Per record and for a selection: Synchronize Now (send or get), Uncouple, Restore. */
export function CouplingsTable({
  mapping,
  rows,
  tableState,
  canAct,
}: {
  mapping: string;
  rows: CouplingRow[];
  tableState: ServerTableState;
  canAct: boolean;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const erpIds = (ids: Iterable<string>) => [...ids].map((id) => rows.find((r) => r.id === id)!.erpId);
  const act = (label: string, run: (ids: string[]) => Promise<Result>, ids: string[]) =>
    startTransition(async () => {
      const result = await run(ids);
      setOutcome(
        result.ok
          ? { ok: true, text: `${label}: done for ${ids.length} record(s).` }
          : { ok: false, text: result.error.message },
      );
      if (result.ok) {
        setChosen(new Set());
        router.refresh();
      }
    });
  const send = (ids: string[]) =>
    syncNowAction({ mapping, side: "erp", ids, direction: "erp-to-crm" }) as Promise<Result>;
  const get = (ids: string[]) =>
    syncNowAction({ mapping, side: "erp", ids, direction: "crm-to-erp" }) as Promise<Result>;
  const uncouple = (ids: string[]) => uncoupleRecordsAction({ mapping, side: "erp", ids }) as Promise<Result>;
  const restore = (ids: string[]) => restoreSkippedAction({ mapping, side: "erp", ids }) as Promise<Result>;

  const columns = useMemo<ServerColumn<CouplingRow>[]>(
    () => [
      ...(canAct
        ? [
            {
              id: "pick",
              header: "Pick",
              cell: ({ row }) => (
                <input
                  type="checkbox"
                  aria-label={`Pick ${row.original.erpId}`}
                  checked={chosen.has(row.original.id)}
                  onChange={() =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (next.has(row.original.id)) next.delete(row.original.id);
                      else next.add(row.original.id);
                      return next;
                    })
                  }
                />
              ),
            } satisfies ServerColumn<CouplingRow>,
          ]
        : []),
      {
        id: "erpId",
        header: "ERP record",
        meta: { sortKey: "erpId" },
        cell: ({ row }) => <code className="text-xs">{row.original.erpId}</code>,
      },
      {
        id: "crmId",
        header: "CRM record",
        meta: { sortKey: "crmId" },
        cell: ({ row }) => <code className="text-xs">{row.original.crmId}</code>,
      },
      { id: "state", header: "State", cell: ({ row }) => state(row.original) },
      {
        id: "synced",
        header: "Last synchronized",
        cell: ({ row }) => (
          <span className="text-xs">
            ERP {formatTime(row.original.lastSyncedErpModifiedOn)} · CRM{" "}
            {formatTime(row.original.lastSyncedCrmModifiedOn)}
          </span>
        ),
      },
      {
        id: "error",
        header: "Last error",
        cell: ({ row }) => (
          <span className="text-xs text-destructive">
            {row.original.lastErrorCrm ?? row.original.lastErrorErp ?? ""}
          </span>
        ),
      },
      {
        id: "updatedAt",
        header: "Changed",
        meta: { sortKey: "updatedAt" },
        cell: ({ row }) => formatTime(row.original.updatedAt),
      },
      ...(canAct
        ? [
            {
              id: "actions",
              header: "Actions",
              cell: ({ row }) => (
                <div className="flex flex-wrap gap-1">
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    aria-label={`Send ${row.original.erpId} to the CRM`}
                    onClick={() => act("Sent to the CRM", send, [row.original.erpId])}
                  >
                    Send
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    aria-label={`Get ${row.original.erpId} from the CRM`}
                    onClick={() => act("Got from the CRM", get, [row.original.erpId])}
                  >
                    Get
                  </Button>
                </div>
              ),
            } satisfies ServerColumn<CouplingRow>,
          ]
        : []),
    ],
    // act closes over the current rows; the columns are rebuilt with them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [canAct, chosen, pending, rows],
  );
  return (
    <div className="flex flex-col gap-3">
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.text}</Alert>}
      {canAct && (
        <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Selected couplings">
          <span className="text-muted-foreground">{chosen.size} picked</span>
          <Button
            size="sm"
            variant="outline"
            disabled={pending || !chosen.size}
            onClick={() => act("Sent to the CRM", send, erpIds(chosen))}
          >
            Synchronize now: send
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={pending || !chosen.size}
            onClick={() => act("Got from the CRM", get, erpIds(chosen))}
          >
            Synchronize now: get
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={pending || !chosen.size}
            onClick={() => act("Uncoupled", uncouple, erpIds(chosen))}
          >
            Uncouple
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={pending || !chosen.size}
            onClick={() => act("Restored", restore, erpIds(chosen))}
          >
            Restore
          </Button>
        </div>
      )}
      <ServerTable
        label="Couplings"
        columns={columns}
        rows={rows}
        state={tableState}
        rowId={(r) => r.id}
        empty="No coupling matches. A full synchronization couples what matches; Set up coupling below pairs two records by hand."
      />
    </div>
  );
}
