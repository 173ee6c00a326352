import { and, eq } from "drizzle-orm";
import { syncConflicts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EngineContext } from "./engine-context";
import { synchronizeNow } from "./coupling-operations";

/** A person decides a queued conflict: one side's record is sent to the other, and the conflict is closed. */
export async function resolveConflict(
  ctx: EngineContext,
  conflictId: string,
  winner: "erp" | "crm",
  decidedBy: string | null,
) {
  const [conflict] = await ctx.db
    .select()
    .from(syncConflicts)
    .where(
      and(eq(syncConflicts.id, conflictId), eq(syncConflicts.pairId, ctx.pairId), eq(syncConflicts.status, "open")),
    );
  if (!conflict) throw new AppError("NOT_FOUND", "No open conflict with that id; it may have been decided already.");
  const result = await synchronizeNow(
    ctx,
    conflict.mappingName,
    { side: winner, ids: [winner === "erp" ? conflict.erpId : conflict.crmId] },
    winner === "erp" ? "erp-to-crm" : "crm-to-erp",
    decidedBy,
  );
  await ctx.db
    .update(syncConflicts)
    .set({ status: "closed", resolution: winner === "erp" ? "erp-wins" : "crm-wins", decidedBy, decidedAt: new Date() })
    .where(eq(syncConflicts.id, conflictId));
  return result;
}
