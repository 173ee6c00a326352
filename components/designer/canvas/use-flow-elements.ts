"use client";
import { useStore as useFlowStore } from "@xyflow/react";
import { useMemo, useRef, useState } from "react";
import { useDesignerEnv } from "../designer-env";
import { useDiagnostics } from "../hooks/use-diagnostics";
import { useDesigner } from "../store/designer-context";
import type { DesignerFlowEdge, DesignerFlowNode } from "./flow-types";
import { stabilize } from "./stable-items";
import { toFlowEdges, toFlowNodes } from "./to-flow";

/** Below this zoom a large canvas draws its compact level: field rows and field edges could not be read anyway. */
export const COMPACT_ZOOM = 0.35;
export const COMPACT_MIN_FIELD_EDGES = 500;

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

/** The store's graph as React Flow elements, with the sizes React Flow measured and unchanged elements kept as they were. */
export function useFlowElements() {
  const graph = useDesigner((s) => s.graph);
  const expanded = useDesigner((s) => s.expanded);
  const selection = useDesigner((s) => s.selection);
  const { catalogs } = useDesignerEnv();
  const diagnostics = useDiagnostics();
  // The untouched default viewport counts as far out: fit view is about to zoom a large canvas out anyway.
  const farOut = useFlowStore(
    (s) => s.transform[2] < COMPACT_ZOOM || (s.transform[0] === 0 && s.transform[1] === 0 && s.transform[2] === 1),
  );
  const large = useMemo(() => graph.edges.length >= COMPACT_MIN_FIELD_EDGES, [graph.edges.length]);
  const compact = farOut && large;
  const [measured, setMeasured] = useState<Measured>(new Map());
  // The caches keep unchanged nodes and edges identical between renders (React Flow re-renders by identity); they are
  // memo state read and written inside useMemo only, never shown.
  /* eslint-disable react-hooks/refs */
  const nodeCache = useRef(new Map<string, DesignerFlowNode>());
  const edgeCache = useRef(new Map<string, DesignerFlowEdge>());

  const nodes = useMemo(() => {
    const raw = toFlowNodes({ graph, catalogs, diagnostics, expanded, selected: selection, compact }).map((n) => {
      const size = measured.get(n.id);
      return size ? { ...n, measured: size } : n;
    });
    const { items, byId } = stabilize(nodeCache.current, raw);
    nodeCache.current = byId;
    return items;
  }, [graph, catalogs, diagnostics, expanded, selection, measured, compact]);

  const edges = useMemo(() => {
    const { items, byId } = stabilize(
      edgeCache.current,
      toFlowEdges({ graph, diagnostics, selected: selection, compact }),
    );
    edgeCache.current = byId;
    return items;
  }, [graph, diagnostics, selection, compact]);
  /* eslint-enable react-hooks/refs */

  return { nodes, edges, setMeasured, large };
}
