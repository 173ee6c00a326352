import Link from "next/link";
import type { MappingState } from "@/lib/services/dashboard/get-dashboard";
import { formatTime } from "@/components/jobs/counters";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const DIRECTIONS = [
  { key: "erp-to-crm", label: "ERP → CRM" },
  { key: "crm-to-erp", label: "CRM → ERP" },
] as const;

/** Per mapping and direction, its newest job: when, how it ended, how many records failed. */
export function MappingStates({ mappings }: { mappings: MappingState[] }) {
  if (!mappings.length) return <p className="text-sm text-muted-foreground">No mapping is published yet.</p>;
  return (
    <Table aria-label="Last run per mapping">
      <THead>
        <Tr>
          <Th>Mapping</Th>
          {DIRECTIONS.map((d) => (
            <Th key={d.key}>{d.label}</Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {mappings.map((m) => (
          <Tr key={m.name}>
            <Td className="font-medium">
              <Link className="underline" href={`/jobs?mapping=${encodeURIComponent(m.name)}`}>
                {m.name}
              </Link>
            </Td>
            {DIRECTIONS.map((d) => {
              const run = m.runs.find((r) => r.direction === d.key);
              return (
                <Td key={d.key}>
                  {run ? (
                    <Link href={`/jobs/${run.id}`} className="flex items-center gap-2 text-xs">
                      <JobStatusBadge status={run.status} />
                      <span className="text-muted-foreground">{formatTime(run.createdAt)}</span>
                      {run.failed > 0 && <span className="text-destructive">{run.failed} failed</span>}
                      {run.type !== "synchronization" && <span className="text-muted-foreground">({run.type})</span>}
                    </Link>
                  ) : (
                    <span className="text-xs text-muted-foreground">never run</span>
                  )}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
