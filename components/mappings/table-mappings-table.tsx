"use client";
import Link from "next/link";
import { useMemo } from "react";
import { tableFeatures, useTable } from "@tanstack/react-table";
import type { TableMappingLine } from "@/lib/services/mappings/list-table-mappings";
import type { ServerColumn } from "@/components/data-table/server-table";
import { designerHref } from "@/components/designer/graph-ops/find-element";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { MappingActions } from "@/components/sync/mapping-actions";
import { ScheduleControls } from "./schedule-controls";

const features = tableFeatures({});
const ARROW = { bidirectional: "↔", "erp-to-crm": "→", "crm-to-erp": "←" } as Record<string, string>;

function columns(canRun: boolean, canDryRun: boolean): ServerColumn<TableMappingLine>[] {
  return [
    {
      id: "name",
      header: "Mapping",
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span className="font-medium">{row.original.name}</span>
          <Link className="text-xs underline" href={designerHref({ mapping: row.original.name })}>
            Open in designer
          </Link>
        </div>
      ),
    },
    {
      id: "entities",
      header: "Entities",
      cell: ({ row }) => (
        <span className="text-xs">
          {row.original.erpEntity} {ARROW[row.original.direction]} {row.original.crmEntity}
        </span>
      ),
    },
    {
      id: "filters",
      header: "Filters",
      cell: ({ row }) => {
        const { erp, crm } = row.original.filters;
        if (!erp && !crm) return <span className="text-xs text-muted-foreground">all records</span>;
        return (
          <div className="flex flex-col text-xs">
            {erp && <span>ERP: {erp}</span>}
            {crm && <span>CRM: {crm}</span>}
          </div>
        );
      },
    },
    {
      id: "schedule",
      header: "Schedule",
      cell: ({ row }) => {
        const m = row.original;
        if (m.parent) return <span className="text-xs">with {m.parent}</span>;
        if (!m.everyMinutes) return <span className="text-xs">manual</span>;
        return (
          <span className="text-xs">
            every {m.everyMinutes} min
            {!m.scheduleEnabled && " · disabled"}
            {m.held && " · paused: a run is held"}
          </span>
        );
      },
    },
    {
      id: "last",
      header: "Last run",
      cell: ({ row }) =>
        row.original.lastJobs.length === 0 ? (
          <span className="text-xs text-muted-foreground">never ran</span>
        ) : (
          <div className="flex flex-col gap-1">
            {row.original.lastJobs.map((job) => (
              <Link key={job.id} href={`/jobs/${job.id}`} className="flex items-center gap-2 text-xs hover:underline">
                <JobStatusBadge status={job.status} /> {job.direction}: {job.inserted} new, {job.modified} changed,{" "}
                {job.failed} failed
              </Link>
            ))}
          </div>
        ),
    },
    {
      id: "coupled",
      header: "Coupled",
      cell: ({ row }) => <span className="tabular-nums">{row.original.coupled}</span>,
    },
    {
      id: "errors",
      header: "Errors",
      cell: ({ row }) => (
        <Link className="tabular-nums underline" href={`/couplings?mapping=${row.original.name}&state=failed`}>
          {row.original.errors}
        </Link>
      ),
    },
    {
      id: "skipped",
      header: "Skipped",
      cell: ({ row }) => (
        <Link className="tabular-nums underline" href={`/couplings?mapping=${row.original.name}&state=skipped`}>
          {row.original.skipped}
        </Link>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      cell: ({ row }) =>
        row.original.parent ? (
          <span className="text-xs text-muted-foreground">runs with {row.original.parent}</span>
        ) : (
          <div className="flex flex-col gap-1">
            <MappingActions mapping={row.original.name} canRun={canRun} canDryRun={canDryRun} />
            {canRun && (
              <ScheduleControls
                mapping={row.original.name}
                enabled={row.original.scheduleEnabled}
                scheduled={Boolean(row.original.everyMinutes)}
              />
            )}
          </div>
        ),
    },
  ];
}

/** BC's Integration Table Mappings: every published mapping with its state and what an admin may do with it. */
export function TableMappingsTable({
  lines,
  canRun,
  canDryRun,
}: {
  lines: TableMappingLine[];
  canRun: boolean;
  canDryRun: boolean;
}) {
  // Stable column definitions: a cell renderer that changes identity remounts its cell (and loses its messages).
  const defs = useMemo(() => columns(canRun, canDryRun), [canRun, canDryRun]);
  const table = useTable({ features, columns: defs, data: lines, getRowId: (l) => l.name });
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full text-sm" aria-label="Mappings">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} className="px-3 py-2 font-medium">
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-t border-border align-top" aria-label={row.original.name}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
