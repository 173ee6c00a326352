import type { GraphNode, MappingGraph } from "@/lib/mapping/graph/graph";

/** Nodes whose name, entity or id contains the text (case-insensitive); table mappings first. */
export function findNodes(graph: MappingGraph, text: string): GraphNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const label = (n: GraphNode) =>
    n.type === "table-mapping" ? n.data.name : n.type === "entity" ? n.data.entity : n.id;
  const rank = (n: GraphNode) => (n.type === "table-mapping" ? 0 : n.type === "entity" ? 1 : 2);
  return graph.nodes
    .filter((n) => label(n).toLowerCase().includes(q) || n.id.toLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b));
}
