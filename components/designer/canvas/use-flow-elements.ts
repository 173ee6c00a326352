"use client";
import { useMemo, useRef, useState } from "react";
import { useDesignerEnv } from "../designer-env";
import { useDiagnostics } from "../hooks/use-diagnostics";
import { useDesigner } from "../store/designer-context";
import type { DesignerFlowEdge, DesignerFlowNode } from "./flow-types";
import { stabilize } from "./stable-items";
import { toFlowEdges, toFlowNodes } from "./to-flow";

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

/** The store's graph as React Flow elements, with the sizes React Flow measured and unchanged elements kept as they were. */
export function useFlowElements() {
  const graph = useDesigner((s) => s.graph);
  const expanded = useDesigner((s) => s.expanded);
  const selection = useDesigner((s) => s.selection);
  const { catalogs } = useDesignerEnv();
  const diagnostics = useDiagnostics();
  const [measured, setMeasured] = useState<Measured>(new Map());
  const nodeCache = useRef(new Map<string, DesignerFlowNode>());
  const edgeCache = useRef(new Map<string, DesignerFlowEdge>());

  const nodes = useMemo(() => {
    const raw = toFlowNodes({ graph, catalogs, diagnostics, expanded, selected: selection }).map((n) => {
      const size = measured.get(n.id);
      return size ? { ...n, measured: size } : n;
    });
    const { items, byId } = stabilize(nodeCache.current, raw);
    nodeCache.current = byId;
    return items;
  }, [graph, catalogs, diagnostics, expanded, selection, measured]);

  const edges = useMemo(() => {
    const { items, byId } = stabilize(edgeCache.current, toFlowEdges({ graph, diagnostics, selected: selection }));
    edgeCache.current = byId;
    return items;
  }, [graph, diagnostics, selection]);

  return { nodes, edges, setMeasured };
}
