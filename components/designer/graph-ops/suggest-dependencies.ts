import type { MappingGraph } from "@/lib/mapping/graph/graph";
import { addDependency } from "./add-nodes";
import { dependencyEdgeId } from "./ids";

export type SuggestedDependency = { from: string; to: string; reason: string };

/** Lookups and parents resolve through another mapping's couplings, so that mapping must run first. */
export function suggestDependencies(graph: MappingGraph): SuggestedDependency[] {
  const byName = new Map(
    graph.nodes.flatMap((n) => (n.type === "table-mapping" ? [[n.data.name, n.id] as const] : [])),
  );
  const existing = new Set(graph.edges.map((e) => e.id));
  const found = new Map<string, SuggestedDependency>();
  const suggest = (fromName: string, to: string, reason: string) => {
    const from = byName.get(fromName);
    if (from && from !== to && !existing.has(dependencyEdgeId(from, to)))
      found.set(`${from}>${to}`, { from, to, reason });
  };
  for (const e of graph.edges) {
    if (e.type === "field" && e.data.lookup)
      suggest(
        e.data.lookup.mapping,
        e.data.mapping,
        `${e.targetHandle ?? e.sourceHandle} looks up ${e.data.lookup.mapping}`,
      );
  }
  for (const n of graph.nodes) {
    if (n.type === "table-mapping" && n.data.parent)
      suggest(n.data.parent, n.id, `${n.data.name} has parent ${n.data.parent}`);
  }
  return [...found.values()];
}

export function applySuggestedDependencies(graph: MappingGraph): MappingGraph {
  return suggestDependencies(graph).reduce((g, s) => addDependency(g, s.from, s.to).graph, graph);
}
