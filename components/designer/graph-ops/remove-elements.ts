import type { MappingGraph } from "@/lib/mapping/graph/graph";

/**
 * Deletes nodes and edges with everything that cannot live without them: an entity takes its table mappings, a
 * table mapping its filters, constants, field mappings and dependencies, a constant its field mapping.
 */
export function removeElements(
  graph: MappingGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): MappingGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return graph;
  for (const n of graph.nodes) {
    if (n.type === "table-mapping" && (nodes.has(n.data.erpNode) || nodes.has(n.data.crmNode))) nodes.add(n.id);
  }
  for (const n of graph.nodes) {
    if ((n.type === "filter" || n.type === "constant") && nodes.has(n.data.mapping)) nodes.add(n.id);
  }
  const keptEdges = graph.edges.filter(
    (e) =>
      !edges.has(e.id) &&
      !nodes.has(e.source) &&
      !nodes.has(e.target) &&
      !(e.type === "field" && nodes.has(e.data.mapping)),
  );
  // A constant whose only field mapping is gone would be an orphan that validation reports.
  const usedConstants = new Set(keptEdges.map((e) => e.source));
  const keptNodes = graph.nodes.filter((n) => !nodes.has(n.id) && !(n.type === "constant" && !usedConstants.has(n.id)));
  if (keptNodes.length === graph.nodes.length && keptEdges.length === graph.edges.length) return graph;
  return { ...graph, nodes: keptNodes, edges: keptEdges };
}
