import { previewFullSync, type FullSyncPreview } from "@/lib/sync/engine/full-sync-preview";
import { requireRole, type ServiceContext } from "../context";
import { withEngine } from "./sync-service";

/**
 * Before an admin starts a full synchronization: per line, what would couple, be created on each side, or fail as
 * unmatched. It only reads both systems and changes nothing (no job, no coupling, no audit row), so viewers may look
 * too, as they may read the run itself.
 */
export async function previewFullSynchronization(args: {
  ctx: ServiceContext;
  input?: unknown;
}): Promise<FullSyncPreview> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  return withEngine(ctx, null, (engine) => previewFullSync(engine));
}
