"use client";
import { useReactFlow } from "@xyflow/react";
import { Download, FilePlus2, LayoutTemplate, Maximize, Network, Redo2, Undo2, Upload } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { GRAPH_SCHEMA_VERSION, type MappingGraph } from "@/lib/mapping/graph/graph";
import { parseGraph } from "@/lib/mapping/graph/parse-graph";
import { useDiagnostics } from "../hooks/use-diagnostics";
import { useDesigner, useDesignerStore, useHistory } from "../store/designer-context";
import { SaveStatus } from "./save-status";
import { findNodes } from "./find-nodes";

const TEMPLATE_TITLE = "Business Central ↔ Dynamics 365 Sales standard integration";

function ToolButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
    >
      {children}
    </Button>
  );
}

export function Toolbar({ onPublish }: { onPublish: () => void }) {
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const history = useHistory();
  const diagnostics = useDiagnostics();
  const flow = useReactFlow();
  const fileInput = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const replace = (graph: MappingGraph) => {
    store.getState().replaceGraph(graph);
    store.getState().select(null);
    setTimeout(() => void flow.fitView({ duration: 200 }), 50);
  };
  // The template and the layout engine load when first used: the canvas opens without them.
  const layout = async () => {
    const { autoLayout } = await import("@/lib/mapping/graph/auto-layout");
    if (store.getState().change((g) => autoLayout(g))) setTimeout(() => void flow.fitView({ duration: 200 }), 50);
  };
  const exportJson = () => {
    const blob = new Blob([JSON.stringify(store.getState().graph, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "tandem-mapping.json";
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const importJson = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseGraph(JSON.parse(await file.text()));
      const invalid = parsed.diagnostics.length;
      replace(parsed.graph);
      setMessage(
        invalid
          ? `Imported; ${invalid} element${invalid === 1 ? " was" : "s were"} unreadable and left out.`
          : `Imported ${file.name}.`,
      );
    } catch {
      setMessage(`${file.name} is not a Tandem mapping (JSON expected).`);
    }
  };
  const goTo = () => {
    const [match] = findNodes(store.getState().graph, search);
    if (match) store.getState().focusNode(match.id);
    else setMessage(`Nothing on the canvas matches “${search}”.`);
  };

  return (
    <div
      className="flex flex-wrap items-center gap-1 border-b bg-card px-2 py-1"
      role="toolbar"
      aria-label="Designer tools"
    >
      {!readOnly && (
        <>
          <ToolButton
            label="New empty canvas"
            onClick={() => replace({ schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] })}
          >
            <FilePlus2 className="h-4 w-4" aria-hidden /> New
          </ToolButton>
          <ToolButton
            label={`Start from template: ${TEMPLATE_TITLE}`}
            onClick={() =>
              void import("@/lib/mapping/template/bc-sales").then((t) => replace(t.bcSalesTemplateGraph()))
            }
          >
            <LayoutTemplate className="h-4 w-4" aria-hidden /> Template
          </ToolButton>
          <ToolButton label="Undo (Ctrl+Z)" onClick={history.undo} disabled={!history.canUndo}>
            <Undo2 className="h-4 w-4" aria-hidden />
          </ToolButton>
          <ToolButton label="Redo (Ctrl+Shift+Z)" onClick={history.redo} disabled={!history.canRedo}>
            <Redo2 className="h-4 w-4" aria-hidden />
          </ToolButton>
          <ToolButton label="Auto-layout" onClick={() => void layout()}>
            <Network className="h-4 w-4" aria-hidden />
          </ToolButton>
        </>
      )}
      <ToolButton label="Fit view" onClick={() => void flow.fitView({ duration: 200 })}>
        <Maximize className="h-4 w-4" aria-hidden />
      </ToolButton>
      <form
        className="ml-1"
        onSubmit={(e) => {
          e.preventDefault();
          goTo();
        }}
      >
        <Input
          type="search"
          className="h-8 w-48"
          placeholder="Find on canvas"
          aria-label="Find on canvas"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </form>
      <ToolButton label="Export JSON" onClick={exportJson}>
        <Download className="h-4 w-4" aria-hidden />
      </ToolButton>
      {!readOnly && (
        <>
          <ToolButton label="Import JSON" onClick={() => fileInput.current?.click()}>
            <Upload className="h-4 w-4" aria-hidden />
          </ToolButton>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="hidden"
            aria-label="Mapping file to import"
            onChange={(e) => void importJson(e.target.files?.[0])}
          />
        </>
      )}
      {message && (
        <span role="status" className="ml-2 text-xs text-muted-foreground">
          {message}
        </span>
      )}
      <div className="ml-auto flex items-center gap-2">
        <span className="text-xs" aria-label="Problems summary">
          {diagnostics.errors} errors · {diagnostics.warnings} warnings
        </span>
        {!readOnly && <SaveStatus />}
        {!readOnly && (
          <Button
            type="button"
            size="sm"
            onClick={onPublish}
            disabled={diagnostics.errors > 0}
            title={diagnostics.errors ? "Fix the errors first" : "Publish a new version"}
          >
            Publish…
          </Button>
        )}
        {readOnly && (
          <span className="rounded bg-muted px-2 py-1 text-xs">Read-only: viewers cannot change mappings</span>
        )}
      </div>
    </div>
  );
}
