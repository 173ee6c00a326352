import dagre from "@dagrejs/dagre";
import type { MappingGraph } from "./graph";
import { nodeSize } from "./node-size";

export { NODE_SIZE, nodeSize } from "./node-size";

/**
 * Left-to-right layout with dagre: ERP entities, then table mappings (with their filters and constants), then CRM
 * entities. Only the lanes drive the layout; dependency edges would pull mappings apart. Positions are top-left.
 */
export function autoLayout(graph: MappingGraph): MappingGraph {
  const layout = new dagre.graphlib.Graph({ multigraph: true });
  layout.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 120, marginx: 20, marginy: 20 });
  layout.setDefaultEdgeLabel(() => ({}));

  const handles = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (edge.type !== "field") continue;
    if (edge.sourceHandle)
      (handles.get(edge.source) ?? handles.set(edge.source, new Set()).get(edge.source)!).add(edge.sourceHandle);
    if (edge.targetHandle)
      (handles.get(edge.target) ?? handles.set(edge.target, new Set()).get(edge.target)!).add(edge.targetHandle);
  }
  for (const node of graph.nodes) layout.setNode(node.id, nodeSize(node, handles.get(node.id)?.size ?? 0));

  const link = (from: string, to: string, name: string) => {
    if (layout.hasNode(from) && layout.hasNode(to)) layout.setEdge(from, to, {}, name);
  };
  for (const node of graph.nodes) {
    if (node.type === "table-mapping") {
      link(node.data.erpNode, node.id, `${node.id}:erp`);
      link(node.id, node.data.crmNode, `${node.id}:crm`);
    } else if (node.type === "filter") {
      const table = graph.nodes.find((n) => n.id === node.data.mapping);
      if (table?.type === "table-mapping")
        link(node.data.side === "erp" ? node.id : table.id, node.data.side === "erp" ? table.id : node.id, node.id);
    }
  }
  // A constant sits in the column of the side it writes into, beside its table mapping.
  const systemOf = new Map(graph.nodes.flatMap((n) => (n.type === "entity" ? [[n.id, n.data.system] as const] : [])));
  for (const edge of graph.edges) {
    const from = graph.nodes.find((n) => n.id === edge.source);
    if (edge.type !== "field" || from?.type !== "constant") continue;
    if (systemOf.get(edge.target) === "erp") link(edge.source, from.data.mapping, edge.id);
    else link(from.data.mapping, edge.source, edge.id);
  }

  dagre.layout(layout);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = layout.node(node.id);
      if (!placed) return node;
      return {
        ...node,
        position: { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) },
      };
    }),
  };
}
