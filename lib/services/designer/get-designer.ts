import type { MappingGraph } from "@/lib/mapping/graph/graph";
import { parseGraph } from "@/lib/mapping/graph/parse-graph";
import { requireRole, type ServiceContext } from "../context";
import { loadDesignerCatalogs, type DesignerCatalogs } from "./designer-catalogs";
import { EMPTY_GRAPH, findDraft, latestPublished } from "./draft-store";

export type DesignerSnapshot = DesignerCatalogs & {
  graph: MappingGraph;
  /** The draft's hash, or null while there is no draft yet (the graph is then the published one). */
  draftHash: string | null;
  published: { number: number; hash: string; publishedAt: string | null } | null;
};

/** What the designer opens with: the shared draft, else the published version's graph, else an empty canvas. */
export async function getDesigner(args: { ctx: ServiceContext }): Promise<DesignerSnapshot> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const [draft, published, catalogs] = await Promise.all([
    findDraft(ctx.db),
    latestPublished(ctx.db),
    loadDesignerCatalogs(ctx.db),
  ]);
  const stored = draft?.graph ?? published?.graph;
  // A stored draft that an older version could write but this one cannot read opens with its readable part.
  const graph = stored ? parseGraph(stored).graph : EMPTY_GRAPH;
  return {
    ...catalogs,
    graph,
    draftHash: draft ? draft.contentHash : null,
    published: published
      ? {
          number: published.number,
          hash: published.contentHash,
          publishedAt: published.publishedAt?.toISOString() ?? null,
        }
      : null,
  };
}
