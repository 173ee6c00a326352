"use client";
import { Button } from "@/components/ui/button";
import { applySuggestedDependencies, suggestDependencies } from "../graph-ops/suggest-dependencies";
import { useDiagnostics } from "../hooks/use-diagnostics";
import { nodeOfDiagnostic } from "../hooks/diagnostics-index";
import { useDesigner, useDesignerStore } from "../store/designer-context";

/** Every problem of the graph; clicking one selects and focuses the element it concerns. */
export function ProblemsPanel() {
  const store = useDesignerStore();
  const graph = useDesigner((s) => s.graph);
  const readOnly = useDesigner((s) => s.readOnly);
  const { all } = useDiagnostics();
  const suggestions = readOnly ? [] : suggestDependencies(graph);
  const suggested = suggestions.length > 0 && (
    <div className="mb-2 rounded border border-blue-200 bg-blue-50 p-2 text-xs">
      <p>
        {suggestions.length} dependenc{suggestions.length === 1 ? "y is" : "ies are"} missing:{" "}
        {suggestions.map((s) => s.reason).join("; ")}.
      </p>
      <Button
        type="button"
        size="sm"
        variant="outline"
        className="mt-1"
        onClick={() => store.getState().change(applySuggestedDependencies)}
      >
        Add suggested dependencies
      </Button>
    </div>
  );
  if (all.length === 0) {
    return (
      <>
        {suggested}
        <p className="text-xs text-muted-foreground">No problems: the mapping can be published.</p>
      </>
    );
  }
  const sorted = [...all].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <>
      {suggested}
      <ul className="flex flex-col gap-1" aria-label="Problems">
        {sorted.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              className="w-full rounded border p-2 text-left text-xs hover:bg-muted"
              onClick={() => {
                const nodeId = nodeOfDiagnostic(graph, d);
                if (nodeId) store.getState().focusNode(nodeId);
                if (d.edgeId) store.getState().select({ kind: "edge", id: d.edgeId });
                if (nodeId || d.edgeId) store.getState().openPanel("inspector");
              }}
            >
              <span className={d.severity === "error" ? "font-semibold text-red-700" : "font-semibold text-amber-700"}>
                {d.code}
              </span>
              {d.mapping && <span className="text-muted-foreground"> · {d.mapping}</span>}
              <span className="block">{d.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
