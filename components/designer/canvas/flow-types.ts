import type { Edge, Node } from "@xyflow/react";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { ConstantNode, EntityNode, FieldEdge, FilterNode, TableMappingNode } from "@/lib/mapping/graph/graph";
import type { Diagnostic } from "@/lib/mapping/validate/diagnostic";

export type FieldRow = { name: string; label: string; type: string; mapped: boolean; known: boolean };

export type EntityFlowNode = Node<
  {
    node: EntityNode;
    entity?: CatalogEntity;
    rows: FieldRow[];
    total: number;
    expanded: boolean;
    compact: boolean;
    problems: Diagnostic[];
  },
  "entity"
>;
export type TableFlowNode = Node<
  { node: TableMappingNode; erpEntity: string; crmEntity: string; fieldCount: number; problems: Diagnostic[] },
  "table-mapping"
>;
export type FilterFlowNode = Node<{ node: FilterNode; text: string; problems: Diagnostic[] }, "filter">;
export type ConstantFlowNode = Node<{ node: ConstantNode; problems: Diagnostic[] }, "constant">;
export type DesignerFlowNode = EntityFlowNode | TableFlowNode | FilterFlowNode | ConstantFlowNode;

export type FieldFlowEdge = Edge<{ edge: FieldEdge; problems: Diagnostic[] }, "field">;
export type DependencyFlowEdge = Edge<{ problems: Diagnostic[] }, "dependency">;
/** Drawn only: an entity to its table mapping, a filter to its table mapping. Never saved, never selectable. */
export type LinkFlowEdge = Edge<Record<string, never>, "link">;
export type DesignerFlowEdge = FieldFlowEdge | DependencyFlowEdge | LinkFlowEdge;

export const TABLE_HANDLES = {
  erp: "erp",
  crm: "crm",
  dependencyIn: "dep-in",
  dependencyOut: "dep-out",
  filter: "filter",
} as const;
