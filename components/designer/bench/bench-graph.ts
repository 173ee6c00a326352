import { autoLayout } from "@/lib/mapping/graph/auto-layout";
import { GRAPH_SCHEMA_VERSION, type GraphEdge, type GraphNode, type MappingGraph } from "@/lib/mapping/graph/graph";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";

/**
 * A large canvas over the real catalogs: `mappings` table mappings (three nodes each), field edges spread over them
 * and a chain of dependencies, so the designer renders what a big integration looks like.
 */
export function designerBenchGraph(targetNodes = 200, targetEdges = 3000): MappingGraph {
  const erpEntities = STATIC_CATALOGS.erp.entities.filter((e) => e.kind === "table" && e.fields.length >= 10);
  const crmEntities = STATIC_CATALOGS.crm.entities.filter((e) => e.kind === "table" && e.fields.length >= 10);
  const mappings = Math.floor(targetNodes / 3);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const origin = { x: 0, y: 0 };
  for (let i = 0; i < mappings; i++) {
    const erp = erpEntities[i % erpEntities.length]!;
    const crm = crmEntities[i % crmEntities.length]!;
    const name = `MAP-${String(i).padStart(3, "0")}`;
    nodes.push({
      id: `erp:${name}`,
      type: "entity",
      position: origin,
      data: {
        system: "erp",
        entity: erp.name,
        key: erp.key,
        ...(erp.modifiedOn ? { modifiedOn: erp.modifiedOn } : {}),
      },
    });
    nodes.push({
      id: `crm:${name}`,
      type: "entity",
      position: origin,
      data: {
        system: "crm",
        entity: crm.name,
        key: crm.key,
        ...(crm.modifiedOn ? { modifiedOn: crm.modifiedOn } : {}),
      },
    });
    nodes.push({
      id: `tm:${name}`,
      type: "table-mapping",
      position: origin,
      data: {
        name,
        erpNode: `erp:${name}`,
        crmNode: `crm:${name}`,
        direction: "erp-to-crm",
        syncOnlyCoupled: true,
        conflicts: { update: "fail", delete: "fail" },
      },
    });
    if (i > 0 && i % 2 === 0)
      edges.push({
        id: `dep:${i}`,
        type: "dependency",
        source: `tm:MAP-${String(i - 1).padStart(3, "0")}`,
        target: `tm:${name}`,
      });
  }
  for (let i = 0; nodes.length < targetNodes; i++) {
    nodes.push({
      id: `filter:${i}`,
      type: "filter",
      position: origin,
      data: { mapping: `tm:MAP-${String(i).padStart(3, "0")}`, side: "erp", filter: { kind: "and", items: [] } },
    });
  }
  const perMapping = Math.ceil((targetEdges - edges.length) / mappings);
  for (let i = 0; i < mappings && edges.length < targetEdges; i++) {
    const erp = erpEntities[i % erpEntities.length]!.fields;
    const crm = crmEntities[i % crmEntities.length]!.fields;
    const name = `MAP-${String(i).padStart(3, "0")}`;
    for (let j = 0; j < perMapping && edges.length < targetEdges; j++) {
      const from = erp[j % erp.length]!.name;
      const to = crm[(j + Math.floor(j / crm.length)) % crm.length]!.name;
      const id = `f:${name}:${j}`;
      edges.push({
        id,
        type: "field",
        source: `erp:${name}`,
        sourceHandle: from,
        target: `crm:${name}`,
        targetHandle: to,
        data: { mapping: `tm:${name}`, direction: "erp-to-crm", enabled: true },
      });
    }
  }
  // Laid out by the designer's own auto-layout, then its blocks (one per mapping, stacked by dagre) wrapped into columns.
  const laid = autoLayout({ schemaVersion: GRAPH_SCHEMA_VERSION, nodes, edges });
  const columns = 8;
  const rowHeight = Math.ceil(Math.max(...laid.nodes.map((n) => n.position.y)) / Math.ceil(mappings / columns)) + 400;
  return {
    ...laid,
    nodes: laid.nodes.map((n) => {
      const band = Math.floor(n.position.y / rowHeight);
      return {
        ...n,
        position: {
          x: n.position.x + (band % columns) * 1100,
          y: n.position.y - band * rowHeight + Math.floor(band / columns) * rowHeight,
        },
      };
    }),
  };
}
