import { eq } from "drizzle-orm";
import { reconciliations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { synchronizeNow } from "@/lib/sync/engine/coupling-operations";
import { parseInput } from "@/lib/validation";
import { assertActivePair } from "../connections/active-pair";
import { requireRole, type ServiceContext } from "../context";
import { actorId, withEngine } from "../sync/sync-service";
import { SynchronizeDriftedInput } from "./reconciliation-schemas";

export type SynchronizedDrift = { pairs: number; jobIds: string[]; changedOnDestination: number };

/**
 * "Synchronize these": Synchronize Now on every drifted pair of a finished reconciliation, in the chosen direction.
 * Pairs whose destination changed since their last sync are left out, as Synchronize Now does for several records.
 */
export async function synchronizeDrifted(args: { ctx: ServiceContext; input: unknown }): Promise<SynchronizedDrift> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(SynchronizeDriftedInput, args.input);
  const [row] = await ctx.db.select().from(reconciliations).where(eq(reconciliations.id, input.id));
  if (!row) throw new AppError("NOT_FOUND", "No such reconciliation.");
  await assertActivePair(ctx.db, row.pairId, "reconciliation");
  if (row.status !== "succeeded" || !row.report)
    throw new AppError("CONFLICT", "Only a finished reconciliation has drifted pairs to synchronize.");
  const ids = row.driftedErpIds ?? [];
  if (!ids.length) throw new AppError("CONFLICT", "This reconciliation found no drifted pairs.");
  const result = await withEngine(
    ctx,
    {
      action: "reconciliation.synchronize",
      targetType: "reconciliation",
      targetId: row.id,
      details: { mapping: row.mappingName, direction: input.direction, pairs: ids.length },
    },
    (engine) => synchronizeNow(engine, row.mappingName, { side: "erp", ids }, input.direction, actorId(ctx)),
  );
  const jobIds = result.run.passes.flatMap((p) => (p.jobId ? [p.jobId] : []));
  const pairs = ids.length - result.notCoupled.length - result.changedOnDestination.length;
  const synchronized = {
    at: new Date().toISOString(),
    by: ctx.actor.kind === "user" ? ctx.actor.email : ctx.actor.label,
    direction: input.direction,
    pairs,
    jobIds,
  };
  await ctx.db
    .update(reconciliations)
    .set({ report: { ...row.report, synchronized } })
    .where(eq(reconciliations.id, row.id));
  return { pairs, jobIds, changedOnDestination: result.changedOnDestination.length };
}
