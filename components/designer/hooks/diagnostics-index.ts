import type { MappingGraph } from "@/lib/mapping/graph/graph";
import type { Diagnostic } from "@/lib/mapping/validate/diagnostic";

export type DiagnosticsIndex = {
  all: Diagnostic[];
  errors: number;
  warnings: number;
  byNode: Map<string, Diagnostic[]>;
  byEdge: Map<string, Diagnostic[]>;
};

/** Pins each diagnostic to the element it concerns; one that names only a mapping goes to its table mapping node. */
export function indexDiagnostics(graph: MappingGraph, diagnostics: Diagnostic[]): DiagnosticsIndex {
  const tableByName = new Map(
    graph.nodes.flatMap((n) => (n.type === "table-mapping" ? [[n.data.name, n.id] as const] : [])),
  );
  const byNode = new Map<string, Diagnostic[]>();
  const byEdge = new Map<string, Diagnostic[]>();
  const push = (map: Map<string, Diagnostic[]>, id: string, d: Diagnostic) =>
    (map.get(id) ?? map.set(id, []).get(id)!).push(d);
  for (const d of diagnostics) {
    if (d.edgeId) push(byEdge, d.edgeId, d);
    else if (d.nodeId) push(byNode, d.nodeId, d);
    else if (d.mapping && tableByName.has(d.mapping)) push(byNode, tableByName.get(d.mapping)!, d);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { all: diagnostics, errors, warnings: diagnostics.length - errors, byNode, byEdge };
}

/** The node a diagnostic is best shown on: its own node, its edge's source, or its mapping's node. */
export function nodeOfDiagnostic(graph: MappingGraph, d: Diagnostic): string | null {
  if (d.nodeId) return d.nodeId;
  if (d.edgeId) {
    const edge = graph.edges.find((e) => e.id === d.edgeId);
    if (edge?.type === "field") return edge.data.mapping;
    return edge?.source ?? null;
  }
  if (d.mapping) return graph.nodes.find((n) => n.type === "table-mapping" && n.data.name === d.mapping)?.id ?? null;
  return null;
}
