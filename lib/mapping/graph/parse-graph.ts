import { z } from "zod";
import { diagnostic, type Diagnostic } from "../validate/diagnostic";
import { jsonDepth, MAX_JSON_DEPTH } from "./json-depth";
import {
  GRAPH_SCHEMA_VERSION,
  GraphEdgeSchema,
  GraphNodeSchema,
  type GraphEdge,
  type GraphNode,
  type MappingGraph,
} from "./graph";

export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

/** `base.sub` without a dangling dot when `sub` is empty. */
function joinPath(base: string, sub: string): string {
  return sub ? (sub.startsWith("[") ? `${base}${sub}` : `${base}.${sub}`) : base;
}

const Envelope = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
});

/**
 * Parses a graph node by node, so one bad setting is reported on its node instead of rejecting the whole canvas.
 * Bad nodes and edges are left out; edges touching a left-out node are dropped silently (the node's error says it).
 */
export function parseGraph(input: unknown): {
  graph: MappingGraph;
  diagnostics: Diagnostic[];
  droppedNodes: Set<string>;
} {
  const diagnostics: Diagnostic[] = [];
  const droppedNodes = new Set<string>();
  if (jsonDepth(input, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    diagnostics.push(
      diagnostic("GRAPH_INVALID", `The graph is nested more than ${MAX_JSON_DEPTH} levels deep`, { path: "(root)" }),
    );
    return { graph: { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] }, diagnostics, droppedNodes };
  }
  const envelope = Envelope.safeParse(input);
  if (!envelope.success) {
    for (const issue of envelope.error.issues)
      diagnostics.push(diagnostic("GRAPH_INVALID", issue.message, { path: issuePath(issue.path) || "(root)" }));
    return { graph: { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] }, diagnostics, droppedNodes };
  }
  const nodes: GraphNode[] = [];
  envelope.data.nodes.forEach((raw, index) => {
    const parsed = GraphNodeSchema.safeParse(raw);
    if (parsed.success) return void nodes.push(parsed.data);
    const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : undefined;
    if (id) droppedNodes.add(id);
    const issue = parsed.error.issues[0]!;
    const code = (raw as { type?: unknown })?.type === "table-mapping" && id ? "INVALID_SETTING" : "GRAPH_INVALID";
    diagnostics.push(
      diagnostic(code, `${issuePath(issue.path) || "node"}: ${issue.message}`, {
        nodeId: id,
        path: joinPath(`nodes[${index}]`, issuePath(issue.path)),
      }),
    );
  });
  const edges: GraphEdge[] = [];
  envelope.data.edges.forEach((raw, index) => {
    const parsed = GraphEdgeSchema.safeParse(raw);
    if (parsed.success) return void edges.push(parsed.data);
    const edge = raw as { id?: unknown; source?: unknown; target?: unknown };
    if (droppedNodes.has(String(edge?.source)) || droppedNodes.has(String(edge?.target))) return;
    const issue = parsed.error.issues[0]!;
    diagnostics.push(
      diagnostic("GRAPH_INVALID", `${issuePath(issue.path) || "edge"}: ${issue.message}`, {
        edgeId: typeof edge?.id === "string" ? edge.id : undefined,
        path: joinPath(`edges[${index}]`, issuePath(issue.path)),
      }),
    );
  });
  // Ids are how edges, filters and diagnostics find things: a repeated id would silently point at the wrong one.
  for (const [kind, items] of [
    ["node", nodes],
    ["edge", edges],
  ] as const) {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id))
        diagnostics.push(
          diagnostic(
            "GRAPH_INVALID",
            `Two ${kind}s share the id "${item.id}"`,
            kind === "node" ? { nodeId: item.id } : { edgeId: item.id },
          ),
        );
      seen.add(item.id);
    }
  }
  return { graph: { schemaVersion: GRAPH_SCHEMA_VERSION, nodes, edges }, diagnostics, droppedNodes };
}
