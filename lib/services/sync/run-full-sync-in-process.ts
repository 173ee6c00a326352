import { runFullSync } from "@/lib/sync/engine/full-sync";
import { requireRole, type ServiceContext } from "../context";
import { getFullSync, type FullSyncStatus } from "./get-full-sync";
import { actorId, withEngine } from "./sync-service";

/**
 * The full synchronization in the calling process (`tandem sync --full`): every line in dependency order, waited for.
 * `onLine` follows the lines as they start and finish.
 */
export async function runFullSyncInProcess(args: {
  ctx: ServiceContext;
  input?: unknown;
  onLine?: (mapping: string, event: "started" | "done") => void;
}): Promise<FullSyncStatus> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const runId = await withEngine(
    ctx,
    { action: "sync.full.start", targetType: "full-sync", details: { inProcess: true } },
    (engine) => runFullSync(engine, actorId(ctx), { onLine: args.onLine }),
  );
  return getFullSync({ ctx, input: { runId } });
}
