import type {
  FieldEdge,
  FilterNode,
  GraphEdge,
  GraphNode,
  MappingGraph,
  TableMappingNode,
} from "@/lib/mapping/graph/graph";

export type TableMappingPatch = Partial<Omit<TableMappingNode["data"], "erpNode" | "crmNode">>;
export type FieldEdgePatch = Partial<Omit<FieldEdge["data"], "mapping">>;

/** Changes a table mapping's settings; a rename also renames the lookups and parents that name it. */
export function updateTableMapping(graph: MappingGraph, id: string, patch: TableMappingPatch): MappingGraph {
  const table = graph.nodes.find((n): n is TableMappingNode => n.id === id && n.type === "table-mapping");
  if (!table) return graph;
  const oldName = table.data.name;
  const newName = patch.name ?? oldName;
  const renamed = newName !== oldName;
  const nodes = graph.nodes.map((n): GraphNode => {
    if (n.id === id) return { ...table, data: dropUndefined({ ...table.data, ...patch }) as TableMappingNode["data"] };
    if (renamed && n.type === "table-mapping" && n.data.parent === oldName)
      return { ...n, data: { ...n.data, parent: newName } };
    return n;
  });
  const edges = !renamed
    ? graph.edges
    : graph.edges.map((e): GraphEdge =>
        e.type === "field" && e.data.lookup?.mapping === oldName
          ? { ...e, data: { ...e.data, lookup: { ...e.data.lookup, mapping: newName } } }
          : e,
      );
  return { ...graph, nodes, edges };
}

/** Changes one field mapping's settings; a key set to undefined is removed. */
export function updateFieldEdge(graph: MappingGraph, id: string, patch: FieldEdgePatch): MappingGraph {
  return {
    ...graph,
    edges: graph.edges.map((e): GraphEdge =>
      e.id === id && e.type === "field"
        ? { ...e, data: dropUndefined({ ...e.data, ...patch }) as FieldEdge["data"] }
        : e,
    ),
  };
}

export function updateFilter(graph: MappingGraph, id: string, filter: FilterNode["data"]["filter"]): MappingGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n): GraphNode =>
      n.id === id && n.type === "filter" ? { ...n, data: { ...n.data, filter } } : n,
    ),
  };
}

export function updateConstant(
  graph: MappingGraph,
  id: string,
  value: import("@/lib/mapping/model/json-value").JsonValue,
): MappingGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n): GraphNode =>
      n.id === id && n.type === "constant" ? { ...n, data: { ...n.data, value } } : n,
    ),
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
