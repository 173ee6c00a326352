import { MarkerType } from "@xyflow/react";
import { NODE_SIZE } from "@/lib/mapping/graph/node-size";
import { findEntity } from "@/lib/mapping/model/catalog";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import type { GraphNode, MappingGraph } from "@/lib/mapping/graph/graph";
import { toODataFilter } from "@/lib/mapping/filter/odata-filter";
import { findField } from "@/lib/mapping/model/catalog";
import type { DiagnosticsIndex } from "../hooks/diagnostics-index";
import type { Diagnostic } from "@/lib/mapping/validate/diagnostic";
import { ENTITY_HANDLE } from "../graph-ops/connect-fields";
import { TABLE_HANDLES, type DesignerFlowEdge, type DesignerFlowNode, type FieldRow } from "./flow-types";

export type FlowInput = {
  graph: MappingGraph;
  catalogs: Record<Side, SchemaCatalog>;
  diagnostics: DiagnosticsIndex;
  expanded: ReadonlySet<string>;
  selected: { kind: "node" | "edge"; id: string } | null;
  /** Far zoomed out on a large canvas: entities without field rows, field mappings summed up on their table mapping. */
  compact?: boolean;
};

const NONE: never[] = [];

function usedHandles(graph: MappingGraph): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const add = (node: string, handle: string | null | undefined) => {
    if (handle) (used.get(node) ?? used.set(node, new Set()).get(node)!).add(handle);
  };
  for (const e of graph.edges) {
    if (e.type !== "field") continue;
    add(e.source, e.sourceHandle);
    add(e.target, e.targetHandle);
  }
  return used;
}

function filterText(
  node: Extract<GraphNode, { type: "filter" }>,
  graph: MappingGraph,
  catalogs: FlowInput["catalogs"],
): string {
  const table = graph.nodes.find((n) => n.id === node.data.mapping);
  const entityNode =
    table?.type === "table-mapping"
      ? graph.nodes.find((n) => n.id === (node.data.side === "erp" ? table.data.erpNode : table.data.crmNode))
      : undefined;
  const entity =
    entityNode?.type === "entity" ? findEntity(catalogs[node.data.side], entityNode.data.entity) : undefined;
  try {
    return toODataFilter(node.data.filter, {
      dialect: node.data.side === "erp" ? "business-central" : "dataverse",
      field: (name) => findField(entity, name),
    });
  } catch (error) {
    return error instanceof Error ? `⚠ ${error.message}` : "⚠ invalid filter";
  }
}

/** The saved graph as React Flow nodes and edges, with catalog fields, problems and the UI-only link edges. */
export function toFlowNodes({
  graph,
  catalogs,
  diagnostics,
  expanded,
  selected,
  compact = false,
}: FlowInput): DesignerFlowNode[] {
  const used = usedHandles(graph);
  const entities = new Map(graph.nodes.flatMap((n) => (n.type === "entity" ? [[n.id, n] as const] : [])));
  const fieldCounts = new Map<string, number>();
  const fieldProblems = new Map<string, Diagnostic[]>();
  for (const e of graph.edges) {
    if (e.type !== "field") continue;
    fieldCounts.set(e.data.mapping, (fieldCounts.get(e.data.mapping) ?? 0) + 1);
    const problems = compact ? diagnostics.byEdge.get(e.id) : undefined;
    if (problems) fieldProblems.set(e.data.mapping, [...(fieldProblems.get(e.data.mapping) ?? []), ...problems]);
  }
  return graph.nodes.map((node): DesignerFlowNode => {
    const base = {
      id: node.id,
      position: node.position,
      selected: selected?.kind === "node" && selected.id === node.id,
    };
    const problems = diagnostics.byNode.get(node.id) ?? NONE;
    switch (node.type) {
      case "entity": {
        const entity = findEntity(catalogs[node.data.system], node.data.entity);
        const mapped = used.get(node.id) ?? new Set<string>();
        const isExpanded = expanded.has(node.id);
        const rows: FieldRow[] = (compact ? [] : (entity?.fields ?? []))
          .filter((f) => isExpanded || mapped.has(f.name))
          .map((f) => ({
            name: f.name,
            label: f.label ?? f.name,
            type: f.type,
            mapped: mapped.has(f.name),
            known: true,
          }));
        if (!compact)
          for (const name of mapped)
            if (!entity?.fields.some((f) => f.name === name))
              rows.push({ name, label: name, type: "unknown", mapped: true, known: false });
        // Sizes before React Flow measures: fit view can place the canvas before every node was drawn.
        const size = {
          initialWidth: NODE_SIZE.entityWidth,
          initialHeight: NODE_SIZE.entityHeader + rows.length * NODE_SIZE.fieldRow + (compact ? 0 : NODE_SIZE.fieldRow),
        };
        return {
          ...base,
          ...size,
          type: "entity",
          data: { node, entity, rows, total: entity?.fields.length ?? 0, expanded: isExpanded, compact, problems },
        };
      }
      case "table-mapping":
        return {
          ...base,
          initialWidth: NODE_SIZE.table.width,
          initialHeight: NODE_SIZE.table.height,
          type: "table-mapping",
          data: {
            node,
            erpEntity: entities.get(node.data.erpNode)?.data.entity ?? "?",
            crmEntity: entities.get(node.data.crmNode)?.data.entity ?? "?",
            fieldCount: fieldCounts.get(node.id) ?? 0,
            problems: fieldProblems.has(node.id) ? [...problems, ...fieldProblems.get(node.id)!] : problems,
          },
        };
      case "filter":
        return {
          ...base,
          initialWidth: NODE_SIZE.filter.width,
          initialHeight: NODE_SIZE.filter.height,
          type: "filter",
          data: { node, text: filterText(node, graph, catalogs), problems },
        };
      case "constant":
        return {
          ...base,
          initialWidth: NODE_SIZE.constant.width,
          initialHeight: NODE_SIZE.constant.height,
          type: "constant",
          data: { node, problems },
        };
    }
  });
}

const arrow = (color: string) => ({ type: MarkerType.ArrowClosed, width: 16, height: 16, color });

export function toFlowEdges({
  graph,
  diagnostics,
  selected,
  compact = false,
}: Pick<FlowInput, "graph" | "diagnostics" | "selected" | "compact">): DesignerFlowEdge[] {
  const edges: DesignerFlowEdge[] = [];
  for (const node of graph.nodes) {
    if (node.type === "table-mapping") {
      edges.push({
        id: `link:${node.id}:erp`,
        type: "link",
        source: node.data.erpNode,
        sourceHandle: ENTITY_HANDLE,
        target: node.id,
        targetHandle: TABLE_HANDLES.erp,
        selectable: false,
        deletable: false,
        data: {},
      });
      edges.push({
        id: `link:${node.id}:crm`,
        type: "link",
        source: node.id,
        sourceHandle: TABLE_HANDLES.crm,
        target: node.data.crmNode,
        targetHandle: ENTITY_HANDLE,
        selectable: false,
        deletable: false,
        data: {},
      });
    } else if (node.type === "filter") {
      edges.push({
        id: `link:${node.id}`,
        type: "link",
        source: node.id,
        target: node.data.mapping,
        targetHandle: TABLE_HANDLES.filter,
        selectable: false,
        deletable: false,
        data: {},
      });
    }
  }
  const constants = new Set(graph.nodes.flatMap((n) => (n.type === "constant" ? [n.id] : [])));
  for (const edge of graph.edges) {
    const isSelected = selected?.kind === "edge" && selected.id === edge.id;
    if (edge.type === "dependency") {
      const problems = diagnostics.byEdge.get(edge.id) ?? NONE;
      edges.push({
        id: edge.id,
        type: "dependency",
        source: edge.source,
        sourceHandle: TABLE_HANDLES.dependencyOut,
        target: edge.target,
        targetHandle: TABLE_HANDLES.dependencyIn,
        selected: isSelected,
        markerEnd: arrow("#64748b"),
        data: { problems },
      });
      continue;
    }
    if (compact) continue;
    const problems = diagnostics.byEdge.get(edge.id) ?? NONE;
    const color = problems.some((d) => d.severity === "error")
      ? "#dc2626"
      : problems.length
        ? "#d97706"
        : isSelected
          ? "#2563eb"
          : "#0f766e";
    // A constant always writes into its field, whatever the direction says.
    const direction = constants.has(edge.source) ? "erp-to-crm" : edge.data.direction;
    edges.push({
      id: edge.id,
      type: "field",
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? null,
      target: edge.target,
      targetHandle: edge.targetHandle ?? null,
      selected: isSelected,
      markerEnd: direction !== "crm-to-erp" ? arrow(color) : undefined,
      markerStart: direction !== "erp-to-crm" ? arrow(color) : undefined,
      data: { edge, problems },
    });
  }
  return edges;
}
