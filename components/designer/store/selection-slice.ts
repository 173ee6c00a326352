import type { StateCreator } from "zustand";
import type { DesignerState } from "./types";

export type Selection = { kind: "node" | "edge"; id: string } | null;

export type SelectionSliceShape = {
  selection: Selection;
  /** A node the canvas should bring into view (search, problems panel); the canvas clears it. */
  focusNodeId: string | null;
  select: (selection: Selection) => void;
  focusNode: (id: string) => void;
  clearFocus: () => void;
};

export const createSelectionSlice: StateCreator<DesignerState, [], [], SelectionSliceShape> = (set) => ({
  selection: null,
  focusNodeId: null,
  select: (selection) => set({ selection }),
  focusNode: (id) => set({ focusNodeId: id, selection: { kind: "node", id } }),
  clearFocus: () => set({ focusNodeId: null }),
});
