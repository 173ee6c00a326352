import { temporal } from "zundo";
import { createStore } from "zustand/vanilla";
import type { MappingGraph } from "@/lib/mapping/graph/graph";
import { createDraftSlice } from "./draft-slice";
import { createGraphSlice } from "./graph-slice";
import { createPanelSlice } from "./panel-slice";
import { createSelectionSlice } from "./selection-slice";
import type { DesignerState } from "./types";

export type DesignerStoreInit = { graph: MappingGraph; readOnly: boolean; baseHash: string | null };

/**
 * One store per designer instance, composed from small slices. History (zundo) keeps only the graph: selection,
 * panels and save status are not undoable.
 */
export function createDesignerStore(init: DesignerStoreInit) {
  return createStore<DesignerState>()(
    temporal(
      (...a) => ({
        ...createGraphSlice(init)(...a),
        ...createSelectionSlice(...a),
        ...createPanelSlice(...a),
        ...createDraftSlice(init.baseHash)(...a),
      }),
      {
        partialize: (state) => ({ graph: state.graph }),
        equality: (a, b) => a.graph === b.graph,
        limit: 200,
      },
    ),
  );
}

export type DesignerStore = ReturnType<typeof createDesignerStore>;
