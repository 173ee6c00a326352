"use client";
import { cn } from "@/lib/utils/cn";
import type { DesignerActions } from "./designer-actions";
import { useDiagnostics } from "./hooks/use-diagnostics";
import { Inspector } from "./panels/inspector";
import { PreviewPanel } from "./panels/preview-panel";
import { ProblemsPanel } from "./panels/problems-panel";
import { VersionsPanel } from "./panels/versions-panel";
import { SIDE_PANELS, type SidePanel as Panel } from "./store/panel-slice";
import { useDesigner } from "./store/designer-context";

const TITLES: Record<Panel, string> = {
  inspector: "Inspector",
  problems: "Problems",
  versions: "Versions",
  preview: "Preview",
};

type Props = { actions: DesignerActions; versionsKey: number; onRolledBack: () => void };

export function SidePanel({ actions, versionsKey, onRolledBack }: Props) {
  const panel = useDesigner((s) => s.panel);
  const openPanel = useDesigner((s) => s.openPanel);
  const { errors, warnings } = useDiagnostics();
  return (
    <aside className="flex h-full w-96 flex-col border-l bg-card" aria-label="Side panel">
      <div role="tablist" aria-label="Panels" className="flex border-b text-xs">
        {SIDE_PANELS.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`tab-${p}`}
            aria-selected={panel === p}
            aria-controls={`panel-${p}`}
            onClick={() => openPanel(p)}
            className={cn(
              "flex-1 px-2 py-2 font-medium",
              panel === p ? "border-b-2 border-primary" : "text-muted-foreground",
            )}
          >
            {TITLES[p]}
            {p === "problems" && errors + warnings > 0 ? ` (${errors + warnings})` : ""}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${panel}`}
        aria-labelledby={`tab-${panel}`}
        className="min-h-0 flex-1 overflow-y-auto p-3"
      >
        {panel === "inspector" && <Inspector />}
        {panel === "problems" && <ProblemsPanel />}
        {panel === "versions" && (
          <VersionsPanel actions={actions} refreshKey={versionsKey} onRolledBack={onRolledBack} />
        )}
        {panel === "preview" && <PreviewPanel actions={actions} />}
      </div>
    </aside>
  );
}
