"use client";
import { createContext, useContext, useDeferredValue, useMemo, useRef } from "react";
import { validateGraph } from "@/lib/mapping/compile/compile";
import type { MappingGraph } from "@/lib/mapping/graph/graph";
import { useDesignerEnv } from "../designer-env";
import { useDesigner } from "../store/designer-context";
import { indexDiagnostics, type DiagnosticsIndex } from "./diagnostics-index";

const NOTHING_YET: MappingGraph = { schemaVersion: 1, nodes: [], edges: [] };

/** Moving nodes keeps every node's data object: such a change cannot change a diagnostic. */
export function onlyPositionsDiffer(a: MappingGraph, b: MappingGraph): boolean {
  return (
    a.edges === b.edges &&
    a.nodes.length === b.nodes.length &&
    a.nodes.every((node, i) => node.id === b.nodes[i]!.id && node.data === b.nodes[i]!.data)
  );
}

/** The mapping core's diagnostics for the graph as drawn; deferred so typing and dragging never wait for validation. */
export function useComputedDiagnostics(): DiagnosticsIndex {
  const graph = useDesigner((s) => s.graph);
  // The first render shows the canvas at once and validates right after (React renders the deferred value next).
  const deferred = useDeferredValue(graph, NOTHING_YET);
  const { catalogs } = useDesignerEnv();
  // The last result is memo state, read and written inside useMemo only: a drag that moves nodes does not revalidate.
  /* eslint-disable react-hooks/refs */
  const last = useRef<{ graph: MappingGraph; index: DiagnosticsIndex } | null>(null);
  return useMemo(() => {
    if (last.current && onlyPositionsDiffer(last.current.graph, deferred)) return last.current.index;
    const index = indexDiagnostics(deferred, validateGraph(deferred, { catalogs }));
    last.current = { graph: deferred, index };
    return index;
  }, [deferred, catalogs]);
  /* eslint-enable react-hooks/refs */
}

const DiagnosticsContext = createContext<DiagnosticsIndex | null>(null);
export const DiagnosticsProvider = DiagnosticsContext.Provider;

export function useDiagnostics(): DiagnosticsIndex {
  const index = useContext(DiagnosticsContext);
  if (!index) throw new Error("useDiagnostics needs a DiagnosticsProvider above it");
  return index;
}
