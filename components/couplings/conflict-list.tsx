"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { decideConflictAction } from "@/lib/actions/sync";
import type { OpenConflict } from "@/lib/services/couplings/list-conflicts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const show = (value: unknown) =>
  value === null || value === undefined || value === "" ? "blank" : JSON.stringify(value);

/** Each queued conflict side by side, field by field; an admin accepts the ERP or the CRM side and the engine applies it. */
export function ConflictList({ conflicts, canDecide }: { conflicts: OpenConflict[]; canDecide: boolean }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (conflictId: string, winner: "erp" | "crm") =>
    startTransition(async () => {
      const result = await decideConflictAction({ conflictId, winner });
      setOutcome(
        result.ok
          ? {
              ok: true,
              text: `Applied: the ${winner === "erp" ? "ERP" : "CRM"} values were written to the other side.`,
            }
          : { ok: false, text: result.error.message },
      );
    });
  return (
    <div className="flex flex-col gap-4">
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.text}</Alert>}
      {conflicts.map((c) => (
        <section
          key={c.id}
          aria-label={`Conflict ${c.mappingName} ${c.erpId}`}
          className="flex flex-col gap-2 rounded-md border border-border p-3"
        >
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="font-medium">{c.mappingName}</span>
            <span className="text-xs text-muted-foreground">
              ERP <code>{c.erpId}</code> · CRM <code>{c.crmId}</code> · {c.kind}
            </span>
            {c.jobId && (
              <Link className="text-xs underline" href={`/jobs/${c.jobId}`}>
                job
              </Link>
            )}
          </div>
          <Table aria-label={`Fields of conflict ${c.erpId}`}>
            <THead>
              <Tr>
                <Th>Field</Th>
                <Th>Destination now</Th>
                <Th>Incoming</Th>
              </Tr>
            </THead>
            <TBody>
              {c.changes.map((change) => (
                <Tr key={change.field}>
                  <Td className="font-medium">{change.field}</Td>
                  <Td>{show(change.before)}</Td>
                  <Td>{show(change.after)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {canDecide && (
            <div className="flex gap-2">
              <Button size="sm" variant="outline" disabled={pending} onClick={() => decide(c.id, "erp")}>
                Accept the ERP side
              </Button>
              <Button size="sm" variant="outline" disabled={pending} onClick={() => decide(c.id, "crm")}>
                Accept the CRM side
              </Button>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
