import type { StateCreator } from "zustand";
import type { MappingGraph } from "@/lib/mapping/graph/graph";
import type { DesignerState } from "./types";

export type GraphSliceShape = {
  graph: MappingGraph;
  readOnly: boolean;
  /** Bumped on every graph change; the draft sync saves when it moves. */
  revision: number;
  /**
   * The one pipeline every graph change goes through: refused when read-only, computed by a pure helper from the
   * current graph, then stored (history and autosave follow the store).
   */
  change: (edit: (graph: MappingGraph) => MappingGraph) => boolean;
  /** Replaces the whole graph (template, import, rollback, reload); still one undoable step. */
  replaceGraph: (graph: MappingGraph) => boolean;
};

export const createGraphSlice =
  (initial: { graph: MappingGraph; readOnly: boolean }): StateCreator<DesignerState, [], [], GraphSliceShape> =>
  (set, get) => ({
    graph: initial.graph,
    readOnly: initial.readOnly,
    revision: 0,
    change: (edit) => {
      const { readOnly, graph, revision } = get();
      if (readOnly) return false;
      const next = edit(graph);
      if (next === graph) return false;
      set({ graph: next, revision: revision + 1 });
      return true;
    },
    replaceGraph: (graph) => get().change(() => graph),
  });
