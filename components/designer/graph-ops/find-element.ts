import type { MappingGraph } from "@/lib/mapping/graph/graph";

/** What a link into the designer names: a table mapping, and optionally one of its fields (either side's name). */
export type ElementLink = { mapping: string; field?: string | null };
export type FoundElement = { mappingNodeId: string; edgeId: string | null } | null;

/** The canvas element a link (from a job's error group) names, or null when the graph has no such mapping. */
export function findElement(graph: MappingGraph, link: ElementLink): FoundElement {
  const node = graph.nodes.find((n) => n.type === "table-mapping" && n.data.name === link.mapping);
  if (!node) return null;
  const edge = link.field
    ? graph.edges.find(
        (e) =>
          e.type === "field" &&
          e.data.mapping === node.id &&
          (e.targetHandle === link.field || e.sourceHandle === link.field),
      )
    : undefined;
  return { mappingNodeId: node.id, edgeId: edge?.id ?? null };
}

/** The designer URL of a mapping's element: what the job page links to. */
export function designerHref(link: ElementLink): string {
  const params = new URLSearchParams({ mapping: link.mapping, ...(link.field ? { field: link.field } : {}) });
  return `/designer?${params}`;
}
