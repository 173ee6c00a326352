import type { DiffEntry } from "@/lib/sync/engine/dry-run-diff";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const show = (value: unknown) =>
  value === null || value === undefined || value === "" ? "blank" : JSON.stringify(value);

/** A dry run's per-record diff: what each record would get, field by field (unchanged records left out). */
export function DryRunDiff({ flow, entries, truncated }: { flow: string; entries: DiffEntry[]; truncated: boolean }) {
  const changed = entries.filter((e) => e.action !== "unchanged" && e.action !== "ignore");
  if (!changed.length) return <p className="text-xs text-muted-foreground">{flow}: nothing would change.</p>;
  return (
    <Table aria-label={`Dry run diff ${flow}`}>
      <THead>
        <Tr>
          <Th>Action</Th>
          <Th>Source</Th>
          <Th>Destination</Th>
          <Th>Changes</Th>
        </Tr>
      </THead>
      <TBody>
        {changed.map((e) => (
          <Tr key={`${e.sourceId}:${e.action}`}>
            <Td>
              <Badge variant={e.action === "error" || e.action === "conflict" ? "destructive" : "default"}>
                {e.action}
              </Badge>
            </Td>
            <Td className="text-xs">
              <code>{e.sourceId}</code>
            </Td>
            <Td className="text-xs">
              <code>{e.destinationId ?? "new"}</code>
            </Td>
            <Td className="text-xs">
              {e.message && <div className="text-destructive">{e.message}</div>}
              {e.changes.map((c) => (
                <div key={c.field}>
                  <span className="font-medium">{c.field}</span>: {show(c.before)} → {show(c.after)}
                </div>
              ))}
            </Td>
          </Tr>
        ))}
      </TBody>
      {truncated && <caption className="text-xs text-muted-foreground">The first 1,000 records are shown.</caption>}
    </Table>
  );
}
