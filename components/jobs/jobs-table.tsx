"use client";
import Link from "next/link";
import type { JobRow } from "@/lib/services/jobs/list-jobs";
import { ServerTable, type ServerColumn, type ServerTableState } from "@/components/data-table/server-table";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { COUNTER_LABELS, COUNTERS, formatTime } from "./counters";

const SORTABLE = new Set(["inserted", "modified", "failed"]);

const COLUMNS: ServerColumn<JobRow>[] = [
  {
    id: "createdAt",
    header: "Started",
    meta: { sortKey: "createdAt" },
    cell: ({ row }) => (
      <Link className="underline" href={`/jobs/${row.original.id}`}>
        {formatTime(row.original.createdAt)}
      </Link>
    ),
  },
  {
    id: "mappingName",
    header: "Mapping",
    meta: { sortKey: "mappingName" },
    cell: ({ row }) => row.original.mappingName,
  },
  { id: "direction", header: "Direction", cell: ({ row }) => row.original.direction },
  {
    id: "status",
    header: "Status",
    meta: { sortKey: "status" },
    cell: ({ row }) => <JobStatusBadge status={row.original.status} />,
  },
  { id: "trigger", header: "Trigger", cell: ({ row }) => `${row.original.trigger} · ${row.original.mode}` },
  ...COUNTERS.map((name): ServerColumn<JobRow> => ({
    id: name,
    header: COUNTER_LABELS[name],
    meta: SORTABLE.has(name) ? { sortKey: name } : undefined,
    cell: ({ row }) => (
      <span className="tabular-nums" data-counter={name}>
        {row.original[name]}
      </span>
    ),
  })),
];

/** The job log: every pass with its eight counters; the server filters, sorts and pages it. */
export function JobsTable({ rows, state }: { rows: JobRow[]; state: ServerTableState }) {
  return (
    <ServerTable
      label="Jobs"
      columns={COLUMNS}
      rows={rows}
      state={state}
      rowId={(r) => r.id}
      empty="No job matches these filters. Clear them, or run a mapping from the Synchronization page."
    />
  );
}
