import type { FieldEdge, MappingGraph, TableMappingNode } from "@/lib/mapping/graph/graph";
import { addTableMapping, type Added } from "./add-nodes";
import { fieldEdgeId } from "./ids";

export type Connection = { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null };

/** The handle on an entity's header: connecting two headers creates a table mapping instead of a field mapping. */
export const ENTITY_HANDLE = "__entity";

/**
 * One way to connect: header to header makes a table mapping; field to field makes a field mapping of the pair's
 * table mapping (created when missing), always stored ERP → CRM; anything else is refused (`id` is empty).
 */
export function connect(
  graph: MappingGraph,
  connection: Connection,
): Added & { kind: "table-mapping" | "field" | "none" } {
  const byId = (id: string) => graph.nodes.find((n) => n.id === id);
  let { source, sourceHandle, target, targetHandle } = connection;
  const systemOf = (id: string) => {
    const node = byId(id);
    return node?.type === "entity" ? node.data.system : undefined;
  };
  if (systemOf(source) === "crm") {
    [source, target, sourceHandle, targetHandle] = [target, source, targetHandle, sourceHandle];
  }
  const erp = byId(source);
  const crm = byId(target);
  const none = { graph, id: "", kind: "none" as const };
  if (erp?.type !== "entity" || crm?.type !== "entity" || erp.data.system !== "erp" || crm.data.system !== "crm")
    return none;
  if (sourceHandle === ENTITY_HANDLE || targetHandle === ENTITY_HANDLE) {
    if (sourceHandle !== targetHandle) return none;
    return { ...addTableMapping(graph, source, target), kind: "table-mapping" };
  }
  if (!sourceHandle || !targetHandle) return none;
  const withTable = addTableMapping(graph, source, target);
  const table = withTable.graph.nodes.find(
    (n): n is TableMappingNode => n.id === withTable.id && n.type === "table-mapping",
  );
  if (!table) return none;
  const id = fieldEdgeId(source, sourceHandle, target, targetHandle);
  if (withTable.graph.edges.some((e) => e.id === id)) return { graph: withTable.graph, id, kind: "field" };
  const edge: FieldEdge = {
    id,
    type: "field",
    source,
    sourceHandle,
    target,
    targetHandle,
    data: { mapping: table.id, direction: table.data.direction, enabled: true },
  };
  return { graph: { ...withTable.graph, edges: [...withTable.graph.edges, edge] }, id, kind: "field" };
}
