import type { RuntimeConfig, MappingModel } from "../model/runtime-config";
import type { Side } from "../model/direction";
import { autoLayout } from "./auto-layout";
import { GRAPH_SCHEMA_VERSION, type GraphEdge, type GraphNode, type MappingGraph } from "./graph";

const origin = { x: 0, y: 0 };

/**
 * Builds a canvas for a config or model: one ERP and one CRM entity node per table mapping, filters and constants
 * beside it, dependencies between mappings, then an automatic layout. Ids are derived from names, so the same
 * config always gives the same graph.
 */
export function modelToGraph(model: MappingModel | RuntimeConfig): MappingGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const tableId = (name: string) => `tm:${name}`;
  for (const mapping of model.mappings) {
    const tm = tableId(mapping.name);
    const entityId = (side: Side) => `${side}:${mapping.name}`;
    for (const side of ["erp", "crm"] as const) {
      const { entity, key, modifiedOn, filter } = mapping[side];
      nodes.push({
        id: entityId(side),
        type: "entity",
        position: origin,
        data: { system: side, entity, key, ...(modifiedOn ? { modifiedOn } : {}) },
      });
      if (filter)
        nodes.push({
          id: `filter:${mapping.name}:${side}`,
          type: "filter",
          position: origin,
          data: { mapping: tm, side, filter },
        });
    }
    const { erp: _erp, crm: _crm, fields, dependsOn, ...settings } = mapping;
    nodes.push({
      id: tm,
      type: "table-mapping",
      position: origin,
      data: { ...settings, erpNode: entityId("erp"), crmNode: entityId("crm") },
    });
    fields.forEach((field, index) => {
      const { erp, crm, constant, ...data } = field;
      const id = `field:${mapping.name}:${index}`;
      const edgeData = { mapping: tm, ...data };
      if (erp && crm) {
        edges.push({
          id,
          type: "field",
          source: entityId("erp"),
          sourceHandle: erp,
          target: entityId("crm"),
          targetHandle: crm,
          data: edgeData,
        });
        return;
      }
      const constantId = `const:${mapping.name}:${index}`;
      nodes.push({
        id: constantId,
        type: "constant",
        position: origin,
        data: { mapping: tm, value: constant ?? null },
      });
      const side: Side = erp ? "erp" : "crm";
      edges.push({
        id,
        type: "field",
        source: constantId,
        sourceHandle: "value",
        target: entityId(side),
        targetHandle: erp ?? crm ?? "",
        data: edgeData,
      });
    });
    for (const dependency of dependsOn) {
      edges.push({
        id: `dep:${dependency}->${mapping.name}`,
        type: "dependency",
        source: tableId(dependency),
        target: tm,
      });
    }
  }
  return autoLayout({ schemaVersion: GRAPH_SCHEMA_VERSION, nodes, edges });
}
