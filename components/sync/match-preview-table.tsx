import type { MatchPreview } from "@/lib/sync/engine/match-preview";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

/** What match-based coupling would couple, before anything is written. */
export function MatchPreviewTable({ preview }: { preview: MatchPreview }) {
  return (
    <div className="flex flex-col gap-2 md:col-span-2">
      <p role="status" className="text-sm">
        {preview.pairs.length} would couple, {preview.unmatched.length} have no unique match
        {preview.more ? ` (the first ${preview.read} uncoupled records read)` : ""}. Nothing was written.
      </p>
      {preview.pairs.length > 0 && (
        <Table aria-label="Match preview">
          <THead>
            <Tr>
              <Th>ERP record</Th>
              <Th>CRM record</Th>
              <Th>Matched on</Th>
            </Tr>
          </THead>
          <TBody>
            {preview.pairs.map((pair) => (
              <Tr key={pair.erpId}>
                <Td>
                  <code>{pair.erpId}</code>
                </Td>
                <Td>
                  <code>{pair.crmId}</code>
                </Td>
                <Td className="text-xs">{pair.matchedOn}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
