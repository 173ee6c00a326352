import type { ConstantNode, FieldEdge, MappingGraph, TableMappingNode } from "@/lib/mapping/graph/graph";
import type { Side } from "@/lib/mapping/model/direction";
import type { JsonValue } from "@/lib/mapping/model/json-value";
import type { Added } from "./add-nodes";
import { freeId } from "./ids";

/** A constant written into one field of a table mapping's entity on the `side`, on every sync into that side. */
export function addConstant(graph: MappingGraph, tableId: string, side: Side, field: string, value: JsonValue): Added {
  const table = graph.nodes.find((n): n is TableMappingNode => n.id === tableId && n.type === "table-mapping");
  if (!table || !field) return { graph, id: "" };
  const target = side === "erp" ? table.data.erpNode : table.data.crmNode;
  const id = freeId(graph, `const:${table.data.name}:${field}`);
  const node: ConstantNode = {
    id,
    type: "constant",
    position: { x: table.position.x + (side === "erp" ? -200 : 260), y: table.position.y - 60 },
    data: { mapping: tableId, value },
  };
  const edge: FieldEdge = {
    id: freeId(graph, `f:${id}->${target}.${field}`),
    type: "field",
    source: id,
    sourceHandle: "value",
    target,
    targetHandle: field,
    data: { mapping: tableId, direction: side === "crm" ? "erp-to-crm" : "crm-to-erp", enabled: true },
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node], edges: [...graph.edges, edge] }, id };
}
