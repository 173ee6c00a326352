import type { GraphNode } from "./graph";

export const NODE_SIZE = {
  entityHeader: 44,
  fieldRow: 24,
  entityWidth: 240,
  table: { width: 220, height: 96 },
  filter: { width: 220, height: 64 },
  constant: { width: 160, height: 40 },
} as const;

/** Rendered size of a node, as the designer draws it; entity nodes grow with their mapped fields. */
export function nodeSize(node: GraphNode, fieldCount: number): { width: number; height: number } {
  switch (node.type) {
    case "entity":
      return {
        width: NODE_SIZE.entityWidth,
        height: NODE_SIZE.entityHeader + Math.max(1, fieldCount) * NODE_SIZE.fieldRow,
      };
    // Fresh objects: dagre writes the position onto the label it is given.
    case "table-mapping":
      return { ...NODE_SIZE.table };
    case "filter":
      return { ...NODE_SIZE.filter };
    case "constant":
      return { ...NODE_SIZE.constant };
  }
}
