import { startReadyLines } from "@/lib/jobs/process-job";
import { queueFor } from "@/lib/jobs/queue-registry";
import { createFullSyncRun } from "@/lib/sync/engine/full-sync";
import { requireRole, type ServiceContext } from "../context";
import { getFullSync, type FullSyncStatus } from "./get-full-sync";
import { actorId, withEngine } from "./sync-service";

/** BC's Full Synchronization: plans every mapping with its recommendation, then runs them in the background in dependency order. */
export async function startFullSync(args: { ctx: ServiceContext; input?: unknown }): Promise<FullSyncStatus> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const boss = queueFor(ctx.db);
  const runId = await withEngine(ctx, { action: "sync.full.start", targetType: "full-sync" }, (engine) =>
    createFullSyncRun(engine, actorId(ctx)),
  );
  await startReadyLines(ctx.db, boss, runId, actorId(ctx));
  return getFullSync({ ctx, input: { runId } });
}
