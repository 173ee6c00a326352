import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { hasSqlState, requireRole, UNIQUE_VIOLATION, withTransaction, type ServiceContext } from "../context";
import { DraftGraphSchema, MAX_DRAFT_BYTES, SaveDraftInput } from "./designer-schemas";
import { draftHash, findDraft, writeDraft } from "./draft-store";

export type SavedDraft = { hash: string; savedAt: string };

/**
 * Autosave: replaces the shared draft when the caller saw the current one (`baseHash`), so two editors never
 * overwrite each other silently; otherwise CONFLICT, and the caller reloads. The first save creates the draft.
 */
export async function saveDraft(args: { ctx: ServiceContext; input: unknown }): Promise<SavedDraft> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(SaveDraftInput, args.input);
  if (Buffer.byteLength(JSON.stringify(input.graph ?? null), "utf8") > MAX_DRAFT_BYTES)
    throw new AppError("VALIDATION_FAILED", "The canvas is larger than 8 MB; split it.");
  const graph = parseInput(DraftGraphSchema, input.graph);
  const authorId = ctx.actor.kind === "user" ? ctx.actor.id : null;
  const conflict = new AppError(
    "CONFLICT",
    "Someone else saved the draft since you opened it. Reload to see their changes (export yours first to keep them).",
  );
  try {
    // Hashed once, outside the transaction: a large canvas is a few hundred kilobytes of JSON.
    const hash = draftHash(graph);
    return await withTransaction(ctx, async (tx) => {
      const draft = await findDraft(tx, { lock: true });
      if (draft && draft.contentHash !== input.baseHash) throw conflict;
      if (draft?.contentHash === hash) return { hash, savedAt: draft.createdAt.toISOString() };
      const saved = await writeDraft(tx, draft, graph, authorId, hash);
      await writeAudit(tx, ctx.actor, {
        action: "mapping.draft.save",
        targetType: "mapping-draft",
        targetId: hash.slice(0, 12),
        details: { nodes: graph.nodes.length, edges: graph.edges.length },
      });
      return { hash, savedAt: saved.savedAt.toISOString() };
    });
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION)) throw conflict; // two first saves at once: one draft wins
    throw error;
  }
}
