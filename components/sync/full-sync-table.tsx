import Link from "next/link";
import type { FullSyncStatus } from "@/lib/services/sync/get-full-sync";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { JobStatusBadge } from "./job-status-badge";

export const RECOMMENDATION: Record<string, string> = {
  full: "Full synchronization",
  couple: "Couple records",
  none: "No records found",
};

function Pass({ pass }: { pass: FullSyncStatus["lines"][number]["erpToCrm"] }) {
  if (!pass) return <span className="text-muted-foreground">—</span>;
  return (
    <Link href={`/jobs/${pass.jobId}`} className="flex flex-wrap items-center gap-2 hover:underline">
      <JobStatusBadge status={pass.status} />
      <span className="text-xs text-muted-foreground">
        {pass.inserted} new · {pass.modified} changed · {pass.coupled} coupled · {pass.failed} failed
      </span>
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
          <Th>ERP → CRM</Th>
          <Th>CRM → ERP</Th>
        </Tr>
      </THead>
      <TBody>
        {status.lines.map((line) => (
          <Tr key={line.mapping} data-mapping={line.mapping}>
            <Td className="font-medium">
              <Link href={`/jobs?mapping=${encodeURIComponent(line.mapping)}`} className="hover:underline">
                {line.mapping}
              </Link>
            </Td>
            <Td>{RECOMMENDATION[line.recommendation] ?? line.recommendation}</Td>
            <Td title={line.message ?? undefined}>
              <JobStatusBadge status={line.status} />
            </Td>
            <Td>
              <Pass pass={line.erpToCrm} />
            </Td>
            <Td>
              <Pass pass={line.crmToErp} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
