import Link from "next/link";
import type { FullSyncStatus } from "@/lib/services/sync/get-full-sync";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatTime } from "@/components/jobs/counters";
import { Progress } from "@/components/ui/progress";
import { JobStatusBadge } from "./job-status-badge";

export const RECOMMENDATION: Record<string, string> = {
  full: "Full synchronization",
  couple: "Couple records",
  none: "No records found",
};

type Line = FullSyncStatus["lines"][number];

function Pass({ pass, label }: { pass: Line["erpToCrm"]; label: string }) {
  if (!pass) return <span className="text-muted-foreground">—</span>;
  const done = pass.status !== "running" && pass.status !== "queued";
  return (
    <Link href={`/jobs/${pass.jobId}`} className="flex flex-col gap-1 hover:underline">
      <span className="flex flex-wrap items-center gap-2">
        <JobStatusBadge status={pass.status} />
        <span className="text-xs text-muted-foreground">
          {pass.inserted} new · {pass.modified} changed · {pass.coupled} coupled · {pass.failed} failed
        </span>
      </span>
      {(pass.expected !== null || !done) && (
        <Progress
          label={label}
          value={done && pass.expected !== null ? Math.max(pass.processed, pass.expected) : pass.processed}
          max={pass.expected}
        />
      )}
    </Link>
  );
}

/** Each mapping of a full synchronization: what BC would recommend, where it stands, and each direction's job. */
export function FullSyncTable({ status }: { status: FullSyncStatus }) {
  return (
    <Table aria-label="Full synchronization by mapping">
      <THead>
        <Tr>
          <Th>Mapping</Th>
          <Th>Recommendation</Th>
          <Th>Status</Th>
          <Th>Started · finished</Th>
          <Th>ERP → CRM</Th>
          <Th>CRM → ERP</Th>
        </Tr>
      </THead>
      <TBody>
        {status.lines.map((line) => (
          <Tr
            key={line.mapping}
            data-mapping={line.mapping}
            data-depends-on={line.dependsOn.join(",")}
            data-started-at={line.startedAt ? new Date(line.startedAt).toISOString() : undefined}
            data-finished-at={line.finishedAt ? new Date(line.finishedAt).toISOString() : undefined}
          >
            <Td className="font-medium">
              <Link href={`/jobs?mapping=${encodeURIComponent(line.mapping)}`} className="hover:underline">
                {line.mapping}
              </Link>
            </Td>
            <Td>{RECOMMENDATION[line.recommendation] ?? line.recommendation}</Td>
            <Td title={line.message ?? undefined}>
              <JobStatusBadge status={line.status} />
            </Td>
            <Td className="text-xs tabular-nums text-muted-foreground">
              {formatTime(line.startedAt)} · {formatTime(line.finishedAt)}
            </Td>
            <Td>
              <Pass pass={line.erpToCrm} label={`${line.mapping} ERP to CRM progress`} />
            </Td>
            <Td>
              <Pass pass={line.crmToErp} label={`${line.mapping} CRM to ERP progress`} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
