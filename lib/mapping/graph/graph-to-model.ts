import { f, type FilterAst } from "../model/filter";
import { canonicalJson } from "../compile/canonical-json";
import type { Side } from "../model/direction";
import type { MappingModel } from "../model/runtime-config";
import type { FieldMapping, TableMapping } from "../model/table-mapping";
import { diagnostic, type Diagnostic } from "../validate/diagnostic";
import type {
  ConstantNode,
  DependencyEdge,
  EntityNode,
  FieldEdge,
  FilterNode,
  GraphNode,
  MappingGraph,
  TableMappingNode,
} from "./graph";

/** Which canvas element each part of the model came from, so diagnostics can point at it. */
export type ModelOrigins = {
  mappings: string[];
  fields: string[][];
  filters: Partial<Record<Side, string>>[];
};

type Conversion = { model: MappingModel; origins: ModelOrigins; diagnostics: Diagnostic[] };

/** Several filter nodes on one side mean "all of them", in a canonical order so node order cannot change the hash. */
function combine(filters: FilterAst[]): FilterAst | undefined {
  if (filters.length <= 1) return filters[0];
  return f.and(
    ...filters
      .map((filter) => ({ filter, key: canonicalJson(filter) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ filter }) => filter),
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Converts the designer's graph into table mappings; UI data (positions, styling) has no way in. */
export function graphToModel(graph: MappingGraph, droppedNodes: ReadonlySet<string> = new Set()): Conversion {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, GraphNode>(graph.nodes.map((node) => [node.id, node]));
  const tableNodes = graph.nodes.filter((node): node is TableMappingNode => node.type === "table-mapping");
  const nameOf = new Map(tableNodes.map((node) => [node.id, node.data.name]));
  const dangling = (message: string, where: { nodeId?: string; edgeId?: string }, ...ids: string[]) => {
    if (!ids.some((id) => droppedNodes.has(id)))
      diagnostics.push(diagnostic("GRAPH_DANGLING_REFERENCE", message, where));
  };

  for (const node of graph.nodes) {
    if ((node.type === "filter" || node.type === "constant") && !nameOf.has(node.data.mapping)) {
      dangling(
        `This ${node.type} belongs to table mapping node "${node.data.mapping}", which is not on the canvas`,
        { nodeId: node.id },
        node.data.mapping,
      );
    }
  }
  for (const edge of graph.edges) {
    if (edge.type === "dependency" && (!nameOf.has(edge.source) || !nameOf.has(edge.target))) {
      dangling("A dependency must connect two table mappings", { edgeId: edge.id }, edge.source, edge.target);
    }
    if (edge.type === "field" && !nameOf.has(edge.data.mapping)) {
      dangling(
        `This field mapping belongs to table mapping node "${edge.data.mapping}", which is not on the canvas`,
        { edgeId: edge.id },
        edge.data.mapping,
      );
    }
  }

  // Indexed once: a per-mapping scan of every node and edge is quadratic on large canvases.
  const filtersOf = groupBy(
    graph.nodes.filter((node): node is FilterNode => node.type === "filter"),
    (node) => node.data.mapping,
  );
  const fieldsOf = groupBy(
    graph.edges.filter((edge): edge is FieldEdge => edge.type === "field"),
    (edge) => edge.data.mapping,
  );
  const dependenciesOf = groupBy(
    graph.edges.filter((edge): edge is DependencyEdge => edge.type === "dependency"),
    (edge) => edge.target,
  );

  const mappings: TableMapping[] = [];
  const origins: ModelOrigins = { mappings: [], fields: [], filters: [] };
  for (const tm of tableNodes) {
    const entityNode = (side: Side): EntityNode | undefined => {
      const id = side === "erp" ? tm.data.erpNode : tm.data.crmNode;
      const node = nodes.get(id);
      if (node?.type === "entity" && node.data.system === side) return node;
      dangling(
        `${tm.data.name} needs an ${side.toUpperCase()} entity node, but "${id}" is ${node ? `a ${node.type} node` : "missing"}`,
        { nodeId: tm.id },
        id,
      );
      return undefined;
    };
    const erpNode = entityNode("erp");
    const crmNode = entityNode("crm");
    if (!erpNode || !crmNode) continue;

    const filterNodes = filtersOf.get(tm.id) ?? [];
    const sideFilter = (side: Side) =>
      combine(filterNodes.flatMap((node) => (node.data.side === side ? [node.data.filter] : [])));
    const fieldEdges = fieldsOf.get(tm.id) ?? [];
    const fields: FieldMapping[] = [];
    const fieldOrigins: string[] = [];
    for (const edge of fieldEdges) {
      const field = fieldFromEdge(edge, erpNode, crmNode, nodes);
      if (typeof field === "string") dangling(field, { edgeId: edge.id }, edge.source, edge.target);
      else {
        fields.push(field);
        fieldOrigins.push(edge.id);
      }
    }
    const dependsOn = (dependenciesOf.get(tm.id) ?? []).flatMap((edge) =>
      nameOf.has(edge.source) ? [nameOf.get(edge.source)!] : [],
    );
    const { erpNode: _erp, crmNode: _crm, ...settings } = tm.data;
    mappings.push({
      ...settings,
      erp: {
        entity: erpNode.data.entity,
        key: erpNode.data.key,
        modifiedOn: erpNode.data.modifiedOn,
        filter: sideFilter("erp"),
      },
      crm: {
        entity: crmNode.data.entity,
        key: crmNode.data.key,
        modifiedOn: crmNode.data.modifiedOn,
        filter: sideFilter("crm"),
      },
      dependsOn,
      fields,
    });
    origins.mappings.push(tm.id);
    origins.fields.push(fieldOrigins);
    origins.filters.push({
      erp: filterNodes.find((node) => node.data.side === "erp")?.id,
      crm: filterNodes.find((node) => node.data.side === "crm")?.id,
    });
  }
  return { model: { mappings }, origins, diagnostics };
}

/** Reads which end of a field edge is the ERP field, the CRM field or a constant; a string is the problem. */
function fieldFromEdge(
  edge: FieldEdge,
  erpNode: EntityNode,
  crmNode: EntityNode,
  nodes: Map<string, GraphNode>,
): FieldMapping | string {
  const ends = [
    { node: nodes.get(edge.source), handle: edge.sourceHandle },
    { node: nodes.get(edge.target), handle: edge.targetHandle },
  ];
  let erp: string | undefined;
  let crm: string | undefined;
  let constant: ConstantNode | undefined;
  for (const end of ends) {
    if (end.node?.id === erpNode.id && end.handle) erp = end.handle;
    else if (end.node?.id === crmNode.id && end.handle) crm = end.handle;
    else if (end.node?.type === "constant" && end.node.data.mapping === edge.data.mapping) constant = end.node;
    else
      return `A field mapping end must be a field of this table mapping's entities or one of its constants (got ${end.node ? `${end.node.type} "${end.node.id}"` : "a missing node"})`;
  }
  const { mapping: _mapping, ...settings } = edge.data;
  return { ...settings, erp, crm, ...(constant ? { constant: constant.data.value } : {}) };
}
