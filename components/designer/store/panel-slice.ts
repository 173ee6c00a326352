import type { StateCreator } from "zustand";
import type { DesignerState } from "./types";

export const SIDE_PANELS = ["inspector", "problems", "versions", "preview"] as const;
export type SidePanel = (typeof SIDE_PANELS)[number];

export type PanelSliceShape = {
  panel: SidePanel;
  /** Entity nodes showing every catalog field rather than only the mapped ones (UI only, never saved). */
  expanded: ReadonlySet<string>;
  dialog: "publish" | null;
  openPanel: (panel: SidePanel) => void;
  toggleExpanded: (nodeId: string, open?: boolean) => void;
  openDialog: (dialog: "publish" | null) => void;
};

export const createPanelSlice: StateCreator<DesignerState, [], [], PanelSliceShape> = (set, get) => ({
  panel: "inspector",
  expanded: new Set(),
  dialog: null,
  openPanel: (panel) => set({ panel }),
  toggleExpanded: (nodeId, open) => {
    const expanded = new Set(get().expanded);
    const next = open ?? !expanded.has(nodeId);
    if (next) expanded.add(nodeId);
    else expanded.delete(nodeId);
    set({ expanded });
  },
  openDialog: (dialog) => set({ dialog }),
});
