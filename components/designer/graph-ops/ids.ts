import type { MappingGraph } from "@/lib/mapping/graph/graph";

/** The first of `base`, `base-2`, `base-3`… that no node or edge uses yet. */
export function freeId(graph: MappingGraph, base: string): string {
  const used = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A table mapping name derived from its entities, made unique: CUSTOMERS-ACCOUNTS, CUSTOMERS-ACCOUNTS 2… */
export function freeMappingName(graph: MappingGraph, erpEntity: string, crmEntity: string): string {
  const clean = (text: string) =>
    text
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "")
      .slice(0, 18) || "X";
  const base = `${clean(erpEntity)}-${clean(crmEntity)}`;
  const used = new Set(graph.nodes.flatMap((n) => (n.type === "table-mapping" ? [n.data.name] : [])));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** Deterministic field edge id (source, handle, target, handle), so the same pair is never added twice. */
export const fieldEdgeId = (source: string, sourceHandle: string, target: string, targetHandle: string) =>
  `f:${source}.${sourceHandle}->${target}.${targetHandle}`;
export const dependencyEdgeId = (source: string, target: string) => `dep:${source}->${target}`;
