"use client";
import Link from "next/link";
import { useState } from "react";
import type { Side } from "@/lib/mapping/model/direction";
import type { LastChange, OpenConflict } from "@/lib/services/couplings/list-conflicts";
import { formatTime } from "@/components/jobs/counters";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type Decision = { winner: Side } | { fields: Record<string, Side> };

const show = (value: unknown) =>
  value === null || value === undefined || value === "" ? "blank" : JSON.stringify(value);

function changedText(label: string, change: LastChange) {
  if (!change) return `${label}: last change unknown (the record could not be read now)`;
  const when = change.modifiedOn ? formatTime(change.modifiedOn) : "at an unknown time";
  return `${label} changed ${when}${change.modifiedBy ? ` by ${change.modifiedBy}` : ""}`;
}

/** One parked conflict: both sides' values field by field, a side per two-way field, or one side for all. */
export function ConflictCard({
  conflict: c,
  canDecide,
  pending,
  onDecide,
}: {
  conflict: OpenConflict;
  canDecide: boolean;
  pending: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const [sides, setSides] = useState<Record<string, Side>>({});
  const twoWay = c.fields.filter((f) => f.bidirectional);
  const allChosen = twoWay.length > 0 && twoWay.every((f) => sides[f.key]);
  return (
    <section
      aria-label={`Conflict ${c.mappingName} ${c.erpId}`}
      className="flex flex-col gap-2 rounded-md border border-border p-3"
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium">{c.mappingName}</span>
        <span className="text-xs text-muted-foreground">
          ERP <code>{c.erpId}</code> · CRM <code>{c.crmId}</code> · {c.kind} · parked {formatTime(c.createdAt)}
        </span>
        {c.jobId && (
          <Link className="text-xs underline" href={`/jobs/${c.jobId}`}>
            job
          </Link>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        {changedText("ERP record", c.lastChange.erp)} · {changedText("CRM record", c.lastChange.crm)}
      </p>
      <Table aria-label={`Fields of conflict ${c.erpId}`}>
        <THead>
          <Tr>
            <Th>Field (ERP ↔ CRM)</Th>
            <Th>ERP value</Th>
            <Th>CRM value</Th>
            <Th>Keep</Th>
          </Tr>
        </THead>
        <TBody>
          {c.fields.map((field) => (
            <Tr key={field.key} data-field={field.key}>
              <Td className="font-medium">
                {field.erpField ?? "—"} ↔ {field.crmField ?? "—"}
              </Td>
              <Td>{show(field.erpValue)}</Td>
              <Td>{show(field.crmValue)}</Td>
              <Td>
                {field.bidirectional && canDecide ? (
                  <fieldset className="flex gap-3" aria-label={`Keep ${field.crmField ?? field.erpField}`}>
                    {(["erp", "crm"] as const).map((side) => (
                      <label key={side} className="flex items-center gap-1 text-xs">
                        <input
                          type="radio"
                          name={`${c.id}:${field.key}`}
                          checked={sides[field.key] === side}
                          onChange={() => setSides((s) => ({ ...s, [field.key]: side }))}
                        />
                        {side === "erp" ? "ERP" : "CRM"}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <span className="text-xs text-muted-foreground">
                    {field.bidirectional ? "two-way" : "one-way: follows its direction"}
                  </span>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {canDecide && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" disabled={pending} onClick={() => onDecide({ winner: "erp" })}>
            Accept the ERP side
          </Button>
          <Button size="sm" variant="outline" disabled={pending} onClick={() => onDecide({ winner: "crm" })}>
            Accept the CRM side
          </Button>
          <Button size="sm" disabled={pending || !allChosen} onClick={() => onDecide({ fields: sides })}>
            Apply the field choices
          </Button>
        </div>
      )}
    </section>
  );
}
