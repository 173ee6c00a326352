"use client";
import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { restoreSkippedAction } from "@/lib/actions/sync";
import type { ErrorGroup, JobErrorRow } from "@/lib/services/jobs/get-job";
import { designerHref } from "@/components/designer/graph-ops/find-element";
import { ServerTable, type ServerColumn, type ServerTableState } from "@/components/data-table/server-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatTime } from "./counters";
import { useRetry } from "./job-error-actions";

type Props = {
  jobId: string;
  mapping: string;
  /** The side the job read from: its errors' source ids are records of it. */
  sourceSide: "erp" | "crm";
  groups: ErrorGroup[];
  rows: JobErrorRow[];
  state: ServerTableState;
  /** The group the error list is limited to, if any. */
  group: { code?: string; field?: string };
  canRetry: boolean;
};

const groupQuery = (g: ErrorGroup) => new URLSearchParams({ code: g.code, field: g.field ?? "" }).toString();

/** A job's errors by root cause (with a way to the designer element and a retry per cause), then the errors one by one. */
export function JobErrorsPanel({ jobId, mapping, sourceSide, groups, rows, state, group, canRetry }: Props) {
  const { retry, pending, banner } = useRetry(jobId);
  const [restored, setRestored] = useState<{ ok: boolean; text: string } | null>(null);
  const [restoring, startRestore] = useTransition();
  const restore = () =>
    startRestore(async () => {
      const ids = [...new Set(rows.map((r) => r.sourceId).filter((id): id is string => Boolean(id)))];
      const result = await restoreSkippedAction({ mapping, side: sourceSide, ids });
      setRestored(
        result.ok
          ? { ok: true, text: `Restored the skipped records among these ${ids.length}: the next run takes them again.` }
          : { ok: false, text: result.error.message },
      );
    });
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = useMemo<ServerColumn<JobErrorRow>[]>(
    () => [
      ...(canRetry
        ? [
            {
              id: "select",
              header: "Pick",
              cell: ({ row }) => (
                <input
                  type="checkbox"
                  aria-label={`Pick error ${row.original.id}`}
                  checked={chosen.has(row.original.id)}
                  onChange={() => toggle(row.original.id)}
                />
              ),
            } satisfies ServerColumn<JobErrorRow>,
          ]
        : []),
      { id: "code", header: "Code", cell: ({ row }) => <Badge variant="destructive">{row.original.code}</Badge> },
      {
        id: "source",
        header: "Source record",
        cell: ({ row }) => <code className="text-xs">{row.original.sourceId ?? "—"}</code>,
      },
      {
        id: "destination",
        header: "Destination record",
        cell: ({ row }) => <code className="text-xs">{row.original.destinationId ?? "—"}</code>,
      },
      { id: "message", header: "Message", cell: ({ row }) => row.original.message },
      { id: "time", header: "Time", cell: ({ row }) => formatTime(row.original.createdAt) },
    ],
    [canRetry, chosen],
  );
  const csv = `/api/jobs/${jobId}/errors${group.code ? `?${new URLSearchParams({ code: group.code, field: group.field ?? "" })}` : ""}`;
  return (
    <div className="flex flex-col gap-6">
      {banner}
      {restored && <Alert tone={restored.ok ? "success" : "error"}>{restored.text}</Alert>}
      <section aria-label="Errors by cause" className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">Errors by cause</h2>
        {groups.length === 0 ? (
          <p className="text-sm text-muted-foreground">This job has no record errors.</p>
        ) : (
          <Table aria-label="Error groups">
            <THead>
              <Tr>
                <Th>Code</Th>
                <Th>Field</Th>
                <Th>Records</Th>
                <Th>Example</Th>
                <Th>Actions</Th>
              </Tr>
            </THead>
            <TBody>
              {groups.map((g) => (
                <Tr key={`${g.code}:${g.field}`} aria-label={`${g.code} ${g.field ?? ""}`.trim()}>
                  <Td>
                    <Badge variant="destructive">{g.code}</Badge>
                  </Td>
                  <Td>{g.field ?? "—"}</Td>
                  <Td className="tabular-nums">{g.count}</Td>
                  <Td className="max-w-md text-xs text-muted-foreground">{g.sample}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-2 text-xs">
                      <Link className="underline" href={`/jobs/${jobId}?${groupQuery(g)}`}>
                        Show
                      </Link>
                      <Link className="underline" href={designerHref({ mapping, field: g.field })}>
                        Open in designer
                      </Link>
                      {canRetry && (
                        <Button
                          size="sm"
                          variant="outline"
                          disabled={pending}
                          onClick={() => retry({ code: g.code, field: g.field ?? "" })}
                        >
                          Retry group
                        </Button>
                      )}
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <section aria-label="Record errors" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-sm font-semibold">
            Record errors{group.code ? ` · ${group.code}${group.field ? ` on ${group.field}` : ""}` : ""}
          </h2>
          {group.code && (
            <Link className="text-xs underline" href={`/jobs/${jobId}`}>
              All errors
            </Link>
          )}
          <a className="text-xs underline" href={csv} download>
            Export CSV
          </a>
          {canRetry && (
            <Button size="sm" variant="outline" disabled={restoring || rows.length === 0} onClick={restore}>
              Restore skipped
            </Button>
          )}
          {canRetry && (
            <Button
              size="sm"
              variant="outline"
              disabled={pending || chosen.size === 0}
              onClick={() => retry({ errorIds: [...chosen] })}
            >
              Retry selected ({chosen.size})
            </Button>
          )}
        </div>
        <ServerTable
          label="Record errors"
          columns={columns}
          rows={rows}
          state={state}
          rowId={(r) => String(r.id)}
          empty={group.code ? "No error of this cause." : "This job has no record errors."}
        />
      </section>
    </div>
  );
}
