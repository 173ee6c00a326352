"use client";
import { findEntity, type CatalogEntity } from "@/lib/mapping/model/catalog";
import type { EntityNode, GraphNode, TableMappingNode } from "@/lib/mapping/graph/graph";
import { useDesignerEnv } from "../designer-env";
import { useDesigner } from "../store/designer-context";

/** A table mapping node with its two entity nodes and their catalog entities. */
export function useTableContext(tableId: string | undefined) {
  const { catalogs } = useDesignerEnv();
  const graph = useDesigner((s) => s.graph);
  const table = graph.nodes.find((n): n is TableMappingNode => n.id === tableId && n.type === "table-mapping");
  const entityNode = (id: string | undefined) =>
    graph.nodes.find((n): n is EntityNode => n.id === id && n.type === "entity");
  const erpNode = entityNode(table?.data.erpNode);
  const crmNode = entityNode(table?.data.crmNode);
  const erp: CatalogEntity | undefined = erpNode ? findEntity(catalogs.erp, erpNode.data.entity) : undefined;
  const crm: CatalogEntity | undefined = crmNode ? findEntity(catalogs.crm, crmNode.data.entity) : undefined;
  const mappingNames = graph.nodes.flatMap((n: GraphNode) => (n.type === "table-mapping" ? [n.data.name] : []));
  return { graph, table, erpNode, crmNode, erp, crm, mappingNames };
}
