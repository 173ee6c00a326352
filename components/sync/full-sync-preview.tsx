"use client";
import { useState, useTransition } from "react";
import { previewFullSyncAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import type { FullSyncPreview as Preview } from "@/lib/sync/engine/full-sync-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RECOMMENDATION } from "./full-sync-table";

const Count = ({ n, warn = false }: { n: number; warn?: boolean }) => (
  <Td className={warn && n > 0 ? "font-medium text-destructive" : n === 0 ? "text-muted-foreground" : undefined}>
    {n}
  </Td>
);

/** Before Start: reads both systems and shows per line what a full synchronization would couple, create or leave unmatched. */
export function FullSyncPreview() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<PublicError | null>(null);
  const [pending, startTransition] = useTransition();
  const unmatched = preview?.lines.reduce((n, line) => n + line.unmatched, 0) ?? 0;

  return (
    <div className="flex flex-col gap-3">
      <Button
        className="self-start"
        variant="outline"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await previewFullSyncAction();
            setError(result.ok ? null : result.error);
            setPreview(result.ok ? result.data : null);
          })
        }
      >
        {pending ? "Reading both systems…" : "Preview full synchronization"}
      </Button>
      {error && <Alert>{error.message}</Alert>}
      {preview && (
        <>
          <p className="text-sm text-muted-foreground" role="status">
            Nothing was written.{" "}
            {unmatched
              ? `${unmatched} record(s) would fail to couple: they have no unique uncoupled match and their mapping does not create new records when nothing matches.`
              : "Every record would couple or be created."}
          </p>
          <Table aria-label="Full synchronization preview">
            <THead>
              <Tr>
                <Th>Mapping</Th>
                <Th>Recommendation</Th>
                <Th>Would couple</Th>
                <Th>Would create in CRM</Th>
                <Th>Would create in ERP</Th>
                <Th>Would stay unmatched (failed)</Th>
              </Tr>
            </THead>
            <TBody>
              {preview.lines.map((line) => (
                <Tr key={line.mapping} data-mapping={line.mapping}>
                  <Td className="font-medium">{line.mapping}</Td>
                  <Td>{RECOMMENDATION[line.recommendation] ?? line.recommendation}</Td>
                  <Count n={line.couple} />
                  <Count n={line.createInCrm} />
                  <Count n={line.createInErp} />
                  <Count n={line.unmatched} warn />
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </div>
  );
}
