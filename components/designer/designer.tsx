"use client";
import "@xyflow/react/dist/style.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useState } from "react";
import type { DesignerSnapshot } from "@/lib/services/designer/get-designer";
import { Canvas } from "./canvas/canvas";
import type { DesignerActions } from "./designer-actions";
import { DesignerEnvProvider } from "./designer-env";
import { useDraftSync } from "./hooks/use-draft-sync";
import { DiagnosticsProvider, useComputedDiagnostics } from "./hooks/use-diagnostics";
import { useElementLink } from "./hooks/use-element-link";
import { useKeyboardShortcuts } from "./hooks/use-keyboard-shortcuts";
import { EntityPalette } from "./palette";
import { PublishDialog } from "./publish-dialog";
import { SidePanel } from "./side-panel";
import { DesignerStoreProvider, useDesigner, useDesignerStore } from "./store/designer-context";
import { Toolbar } from "./toolbar/toolbar";

type Props = { snapshot: DesignerSnapshot; readOnly: boolean; actions: DesignerActions };

/** The mapping designer: palette, canvas, inspector and panels around one store of its own. */
export function Designer({ snapshot, readOnly, actions: given }: Props) {
  // A server action's revalidation re-renders the page with new (equal) props; the designer keeps its first ones.
  const [actions] = useState(given);
  return (
    <DesignerStoreProvider init={{ graph: snapshot.graph, readOnly, baseHash: snapshot.draftHash }}>
      <DesignerEnvProvider value={{ catalogs: snapshot.catalogs, catalogSource: snapshot.source, readOnly }}>
        <ReactFlowProvider>
          <DesignerShell actions={actions} />
        </ReactFlowProvider>
      </DesignerEnvProvider>
    </DesignerStoreProvider>
  );
}

function DesignerShell({ actions }: { actions: DesignerActions }) {
  const store = useDesignerStore();
  const diagnostics = useComputedDiagnostics();
  const { flush } = useDraftSync(actions.saveDraft);
  const [versionsKey, setVersionsKey] = useState(0);
  const saveStatus = useDesigner((s) => s.saveStatus);
  const saveError = useDesigner((s) => s.saveError);
  useKeyboardShortcuts(useCallback(() => void flush(), [flush]));
  useElementLink();

  // Reloading takes the server's draft as it is: no undo step, no save back.
  const reload = useCallback(async () => {
    const result = await actions.load();
    if (!result.ok) return;
    store.setState({ graph: result.data.graph, selection: null });
    store.getState().resetDraft(result.data.draftHash);
    store.temporal.getState().clear();
  }, [actions, store]);

  return (
    <DiagnosticsProvider value={diagnostics}>
      <div className="flex h-full flex-col" data-testid="designer">
        <Toolbar onPublish={() => store.getState().openDialog("publish")} />
        {saveStatus === "conflict" && (
          <div role="alert" className="flex items-center gap-3 bg-amber-100 px-3 py-2 text-sm">
            {saveError}
            <button type="button" className="underline" onClick={() => void reload()}>
              Reload the draft
            </button>
          </div>
        )}
        <div className="flex min-h-0 flex-1">
          <EntityPalette />
          <div className="min-w-0 flex-1">
            <Canvas />
          </div>
          <SidePanel actions={actions} versionsKey={versionsKey} onRolledBack={() => void reload()} />
        </div>
        <PublishDialog
          actions={actions}
          flush={flush}
          onPublished={() => {
            setVersionsKey((k) => k + 1);
            store.getState().openPanel("versions");
          }}
        />
      </div>
    </DiagnosticsProvider>
  );
}
