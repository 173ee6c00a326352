"use client";
import { createContext, useContext, useDeferredValue, useMemo } from "react";
import { validateGraph } from "@/lib/mapping/compile/compile";
import { useDesignerEnv } from "../designer-env";
import { useDesigner } from "../store/designer-context";
import { indexDiagnostics, type DiagnosticsIndex } from "./diagnostics-index";

/** The mapping core's diagnostics for the graph as drawn; deferred so typing and dragging never wait for validation. */
export function useComputedDiagnostics(): DiagnosticsIndex {
  const graph = useDesigner((s) => s.graph);
  const deferred = useDeferredValue(graph);
  const { catalogs } = useDesignerEnv();
  return useMemo(() => indexDiagnostics(deferred, validateGraph(deferred, { catalogs })), [deferred, catalogs]);
}

const DiagnosticsContext = createContext<DiagnosticsIndex | null>(null);
export const DiagnosticsProvider = DiagnosticsContext.Provider;

export function useDiagnostics(): DiagnosticsIndex {
  const index = useContext(DiagnosticsContext);
  if (!index) throw new Error("useDiagnostics needs a DiagnosticsProvider above it");
  return index;
}
