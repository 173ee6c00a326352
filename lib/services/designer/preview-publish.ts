import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { PublishInput } from "./designer-schemas";
import { findDraft, latestPublished } from "./draft-store";
import { planPublish, type PublishPlan } from "./publish-plan";

export type PublishPreview = Omit<PublishPlan, "config"> & { configHash: string | null; unchanged: boolean };

/** What Publish would do with the saved draft: its problems, the semantic diff against the published version, the impact. */
export async function previewPublish(args: { ctx: ServiceContext; input: unknown }): Promise<PublishPreview> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(PublishInput, args.input);
  const [draft, published] = await Promise.all([findDraft(ctx.db), latestPublished(ctx.db)]);
  if (!draft)
    throw new AppError("NOT_FOUND", "There is no draft to publish yet: change something on the canvas first.");
  if (draft.contentHash !== input.draftHash)
    throw new AppError("CONFLICT", "The draft changed since this preview was asked for; save and try again.");
  const { config, ...plan } = await planPublish(ctx.db, draft.graph, published);
  return {
    ...plan,
    configHash: config?.version ?? null,
    unchanged: Boolean(config && published && config.version === published.contentHash),
  };
}
