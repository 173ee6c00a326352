"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { FoundRecord } from "@/lib/services/designer/search-records";
import type { RecordPreview } from "@/lib/services/designer/preview-record";
import type { DesignerActions } from "../designer-actions";
import { useDesigner, useDesignerStore } from "../store/designer-context";
import { Select } from "./form-bits";
import { useTableContext } from "./use-graph-lookup";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** Pick a real record and see what the mapping as drawn would write, field by field; nothing is written. */
export function PreviewPanel({ actions }: { actions: Pick<DesignerActions, "searchRecords" | "previewRecord"> }) {
  const store = useDesignerStore();
  const selection = useDesigner((s) => s.selection);
  const graph = useDesigner((s) => s.graph);
  const readOnly = useDesigner((s) => s.readOnly);
  const tables = graph.nodes.flatMap((n) => (n.type === "table-mapping" ? [n] : []));
  const selectedTable = tables.find((t) => selection?.id === t.id);
  const [tableId, setTableId] = useState(selectedTable?.id ?? tables[0]?.id ?? "");
  const { table, erpNode, crmNode } = useTableContext(tableId);
  const [side, setSide] = useState<"erp" | "crm">("erp");
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<FoundRecord[] | null>(null);
  const [preview, setPreview] = useState<RecordPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (readOnly)
    return (
      <p className="text-xs text-muted-foreground">
        Live preview reads real records and is for consultants and admins.
      </p>
    );
  if (!tables.length)
    return (
      <p className="text-xs text-muted-foreground">
        Create a table mapping first; then pick a real record to see what it would write.
      </p>
    );
  const entity = side === "erp" ? erpNode?.data.entity : crmNode?.data.entity;
  const search = async () => {
    if (!entity) return;
    setBusy(true);
    setError(null);
    const result = await actions.searchRecords({ side, entity, query });
    setBusy(false);
    if (result.ok) setFound(result.data);
    else setError(result.error.message);
  };
  const run = async (recordId: string) => {
    if (!table) return;
    setBusy(true);
    setError(null);
    const result = await actions.previewRecord({
      graph: store.getState().graph,
      mapping: table.data.name,
      side,
      recordId,
    });
    setBusy(false);
    if (result.ok) setPreview(result.data);
    else setError(result.error.message);
  };

  return (
    <div className="flex flex-col gap-2 text-xs" aria-busy={busy}>
      <div className="grid grid-cols-2 gap-1">
        <Select
          aria-label="Preview mapping"
          value={tableId}
          options={tables.map((t) => ({ value: t.id, label: t.data.name }))}
          onChange={(v) => (setTableId(v), setFound(null), setPreview(null))}
        />
        <Select
          aria-label="Source system"
          value={side}
          options={[
            { value: "erp", label: "From Business Central" },
            { value: "crm", label: "From Sales" },
          ]}
          onChange={(v) => (setSide(v), setFound(null), setPreview(null))}
        />
      </div>
      <form
        className="flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Input
          className="h-8 text-xs"
          aria-label="Search source records"
          placeholder={`Search ${entity ?? "records"} by name`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit" size="sm" variant="outline" disabled={busy}>
          Search
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {found && found.length === 0 && <p className="text-muted-foreground">No record matches.</p>}
      {found && found.length > 0 && (
        <ul aria-label="Source records" className="flex flex-col">
          {found.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="w-full truncate rounded px-1 py-0.5 text-left hover:bg-muted"
                onClick={() => void run(r.id)}
              >
                {r.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {preview && (
        <div aria-label={`Preview of ${preview.label}`} className="flex flex-col gap-2">
          <p className="font-medium">{preview.label}</p>
          {preview.flows.length === 0 && (
            <p className="text-muted-foreground">This mapping moves nothing out of this system.</p>
          )}
          {preview.flows.map((flow) => (
            <table key={flow.flow} className="w-full" aria-label={`Payload ${flow.flow}`}>
              <caption className="text-left font-medium">{flow.flow}</caption>
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="font-medium">Target</th>
                  <th className="font-medium">Source value</th>
                  <th className="font-medium">Written</th>
                </tr>
              </thead>
              <tbody>
                {flow.fields.map((f) => (
                  <tr key={f.field} className="border-t align-top">
                    <td className="pr-1 font-mono">{f.target}</td>
                    <td className="break-all pr-1">{show(f.source)}</td>
                    <td
                      className={
                        f.outcome === "error"
                          ? "text-red-700"
                          : f.outcome === "skip"
                            ? "text-muted-foreground"
                            : "break-all"
                      }
                    >
                      {f.outcome === "write" ? show(f.value) : f.outcome === "skip" ? "(left unchanged)" : f.error}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </div>
  );
}
