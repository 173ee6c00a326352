import { NODE_SIZE } from "@/lib/mapping/graph/node-size";
import type { EntityNode, FilterNode, GraphNode, MappingGraph, TableMappingNode } from "@/lib/mapping/graph/graph";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import type { FilterAst } from "@/lib/mapping/model/filter";
import { dependencyEdgeId, freeId, freeMappingName } from "./ids";

type Position = { x: number; y: number };
export type Added = { graph: MappingGraph; id: string };

/** Puts an entity of one system on the canvas; ERP entities go left, CRM entities right, unless a position is given. */
export function addEntity(graph: MappingGraph, system: Side, entity: CatalogEntity, position?: Position): Added {
  const id = freeId(graph, `${system}:${entity.name}`);
  const column = graph.nodes.filter((n) => n.type === "entity" && n.data.system === system).length;
  const at = position ?? { x: system === "erp" ? 0 : 2 * NODE_SIZE.entityWidth + 200, y: column * 80 };
  const node: EntityNode = {
    id,
    type: "entity",
    position: at,
    data: {
      system,
      entity: entity.name,
      key: entity.key,
      ...(entity.modifiedOn ? { modifiedOn: entity.modifiedOn } : {}),
    },
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** Connecting an ERP entity to a CRM entity creates their table mapping between them (bidirectional, named after both). */
export function addTableMapping(graph: MappingGraph, erpNodeId: string, crmNodeId: string): Added {
  const existing = graph.nodes.find(
    (n) => n.type === "table-mapping" && n.data.erpNode === erpNodeId && n.data.crmNode === crmNodeId,
  );
  if (existing) return { graph, id: existing.id };
  const erp = graph.nodes.find((n) => n.id === erpNodeId);
  const crm = graph.nodes.find((n) => n.id === crmNodeId);
  if (erp?.type !== "entity" || crm?.type !== "entity" || erp.data.system !== "erp" || crm.data.system !== "crm")
    return { graph, id: "" };
  const name = freeMappingName(graph, erp.data.entity, crm.data.entity);
  const id = freeId(graph, `tm:${name}`);
  const position = {
    x: Math.round((erp.position.x + NODE_SIZE.entityWidth + crm.position.x) / 2 - NODE_SIZE.table.width / 2),
    y: Math.round((erp.position.y + crm.position.y) / 2),
  };
  const node: TableMappingNode = {
    id,
    type: "table-mapping",
    position,
    data: {
      name,
      erpNode: erpNodeId,
      crmNode: crmNodeId,
      direction: "bidirectional",
      syncOnlyCoupled: true,
      conflicts: { update: "fail", delete: "fail" },
    },
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** A filter node on one side of a table mapping, placed beside it; it starts with one empty condition group. */
export function addFilter(graph: MappingGraph, tableId: string, side: Side, filter: FilterAst): Added {
  const table = graph.nodes.find((n): n is TableMappingNode => n.id === tableId && n.type === "table-mapping");
  if (!table) return { graph, id: "" };
  const id = freeId(graph, `filter:${table.data.name}:${side}`);
  const position = {
    x: table.position.x + (side === "erp" ? -30 : 30),
    y: table.position.y + NODE_SIZE.table.height + 24,
  };
  const node: FilterNode = { id, type: "filter", position, data: { mapping: tableId, side, filter } };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

export function addDependency(graph: MappingGraph, fromTable: string, toTable: string): Added {
  const id = dependencyEdgeId(fromTable, toTable);
  const bothTables = [fromTable, toTable].every((t) =>
    graph.nodes.some((n) => n.id === t && n.type === "table-mapping"),
  );
  if (fromTable === toTable || !bothTables || graph.edges.some((e) => e.id === id))
    return { graph, id: bothTables ? id : "" };
  return {
    graph: { ...graph, edges: [...graph.edges, { id, type: "dependency", source: fromTable, target: toTable }] },
    id,
  };
}

export function moveNodes(graph: MappingGraph, positions: ReadonlyMap<string, Position>): MappingGraph {
  if (positions.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n): GraphNode => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)),
  };
}
