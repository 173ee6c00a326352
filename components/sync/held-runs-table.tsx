import type { HeldRun } from "@/lib/services/sync/list-held-runs";
import { percent } from "@/lib/sync/decide/mass-change-guard";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { HeldRunActions } from "./held-run-actions";
import { JobStatusBadge } from "./job-status-badge";

/** Runs the mass-change guard held: what each would change, of how many, against the limit; admins decide here. */
export function HeldRunsTable({ runs, canDecide }: { runs: HeldRun[]; canDecide: boolean }) {
  return (
    <Table aria-label="Held runs">
      <THead>
        <Tr>
          <Th>Mapping</Th>
          <Th>Status</Th>
          <Th>Would change</Th>
          <Th>Allowed</Th>
          <Th>Held at</Th>
          {canDecide && <Th>Decision</Th>}
        </Tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id} data-job={run.id} data-mapping={run.mappingName} title={run.message ?? undefined}>
            <Td className="font-medium">
              {run.mappingName} <span className="text-xs text-muted-foreground">{run.direction}</span>
            </Td>
            <Td>
              <JobStatusBadge status="held" />
            </Td>
            <Td>
              {run.hold
                ? `${run.hold.planned} of ${run.hold.coupledTotal} coupled records (${percent(run.hold.share)})`
                : "—"}
            </Td>
            <Td>{run.hold ? `${percent(run.hold.maxShare)} (${run.hold.limit} records)` : "—"}</Td>
            <Td className="text-xs text-muted-foreground">
              {run.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC · {run.trigger}
            </Td>
            {canDecide && (
              <Td>
                <HeldRunActions jobId={run.id} label={`${run.mappingName} ${run.direction}`} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
