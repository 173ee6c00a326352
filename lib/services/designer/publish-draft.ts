import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { mappingVersions } from "@/db/schema";
import { writeAudit } from "../audit/write-audit";
import { hasSqlState, requireRole, UNIQUE_VIOLATION, withTransaction, type ServiceContext } from "../context";
import { PublishInput } from "./designer-schemas";
import { findDraft, latestPublished, nextVersionNumber } from "./draft-store";
import { planPublish } from "./publish-plan";

export type PublishedVersion = { number: number; hash: string; changes: number };

/**
 * Publishes the saved draft as the next version (graph + runtime config + hash) for every later run. Refused while
 * the draft has errors, when it changed since the caller saw it, or when it equals the published version.
 */
export async function publishDraft(args: { ctx: ServiceContext; input: unknown }): Promise<PublishedVersion> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(PublishInput, args.input);
  const [draft, published] = await Promise.all([findDraft(ctx.db), latestPublished(ctx.db)]);
  if (!draft)
    throw new AppError("NOT_FOUND", "There is no draft to publish yet: change something on the canvas first.");
  if (draft.contentHash !== input.draftHash)
    throw new AppError("CONFLICT", "The draft changed since you reviewed it; review the changes again.");
  const plan = await planPublish(ctx.db, draft.graph, published);
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  if (!plan.config)
    throw new AppError(
      "VALIDATION_FAILED",
      `The draft has ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before it can be published (first: ${errors[0]?.message ?? "unknown"}).`,
    );
  if (published && plan.config.version === published.contentHash)
    throw new AppError("CONFLICT", `Nothing to publish: the draft is the same as version ${published.number}.`);
  const config = plan.config;
  try {
    return await withTransaction(ctx, async (tx) => {
      const current = await findDraft(tx, { lock: true });
      if (!current || current.contentHash !== input.draftHash)
        throw new AppError("CONFLICT", "The draft changed while publishing; review the changes again.");
      const number = await nextVersionNumber(tx);
      const now = new Date();
      await tx.insert(mappingVersions).values({
        number,
        status: "published",
        graph: current.graph,
        runtimeConfig: config,
        contentHash: config.version,
        authorId: ctx.actor.kind === "user" ? ctx.actor.id : null,
        createdAt: now,
        publishedAt: now,
      });
      await writeAudit(tx, ctx.actor, {
        action: "mapping.publish",
        targetType: "mapping-version",
        targetId: String(number),
        details: {
          hash: config.version,
          note: input.note ?? null,
          changes: plan.diff.changes.length,
          mappings: plan.diff.mappingsTouched,
        },
      });
      return { number, hash: config.version, changes: plan.diff.changes.length };
    });
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION))
      throw new AppError("CONFLICT", "Someone else published at the same moment; review the changes again.");
    throw error;
  }
}
