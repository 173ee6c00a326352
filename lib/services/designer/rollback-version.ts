import { AppError } from "@/lib/errors";
import { mappingVersions } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { hasSqlState, requireRole, UNIQUE_VIOLATION, withTransaction, type ServiceContext } from "../context";
import { VersionInput } from "./designer-schemas";
import { findDraft, findPublished, latestPublished, nextVersionNumber, writeDraft } from "./draft-store";

export type RolledBack = { number: number; from: number; draftHash: string };

/**
 * Rollback never rewrites history: version N's graph and config are published again as a new version, and the
 * draft becomes that graph so the designer shows what now runs.
 */
export async function rollbackVersion(args: { ctx: ServiceContext; input: unknown }): Promise<RolledBack> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const { number: from } = parseInput(VersionInput, args.input);
  try {
    return await withTransaction(ctx, async (tx) => {
      const [source, current] = await Promise.all([findPublished(tx, from), latestPublished(tx)]);
      if (!source?.runtimeConfig) throw new AppError("NOT_FOUND", `There is no published version ${from}.`);
      if (current && current.contentHash === source.contentHash)
        throw new AppError("CONFLICT", `Version ${current.number} already runs what version ${from} held.`);
      const number = await nextVersionNumber(tx);
      const now = new Date();
      const authorId = ctx.actor.kind === "user" ? ctx.actor.id : null;
      await tx.insert(mappingVersions).values({
        number,
        status: "published",
        graph: source.graph,
        runtimeConfig: source.runtimeConfig,
        contentHash: source.contentHash,
        authorId,
        createdAt: now,
        publishedAt: now,
      });
      const draft = await writeDraft(tx, await findDraft(tx, { lock: true }), source.graph, authorId);
      await writeAudit(tx, ctx.actor, {
        action: "mapping.rollback",
        targetType: "mapping-version",
        targetId: String(number),
        details: { from, hash: source.contentHash },
      });
      return { number, from, draftHash: draft.hash };
    });
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION))
      throw new AppError("CONFLICT", "Someone else published at the same moment; try again.");
    throw error;
  }
}
