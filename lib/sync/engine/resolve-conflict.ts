import { and, eq } from "drizzle-orm";
import { syncConflicts, syncJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sourceSide, type Flow } from "@/lib/mapping/model/direction";
import {
  conflictFields,
  decidedSides,
  narrowToDecision,
  parkedFlow,
  type ConflictDecision,
} from "../plan/conflict-decision";
import type { FieldChange } from "../decide/transfer-fields";
import { findMapping, type EngineContext } from "./engine-context";
import { synchronizeNow } from "./coupling-operations";

/**
 * A person decides a queued conflict: one side wins every two-way field, or each differing two-way field gets its
 * side. Each direction's pass then writes only what was decided its way (and its one-way fields), so neither side's
 * change is lost; every open conflict of the pair is closed. A pass that fails leaves the conflict open.
 */
export async function resolveConflict(
  ctx: EngineContext,
  conflictId: string,
  decision: ConflictDecision,
  decidedBy: string | null,
) {
  const [conflict] = await ctx.db
    .select()
    .from(syncConflicts)
    .where(
      and(eq(syncConflicts.id, conflictId), eq(syncConflicts.pairId, ctx.pairId), eq(syncConflicts.status, "open")),
    );
  if (!conflict) throw new AppError("NOT_FOUND", "No open conflict with that id; it may have been decided already.");
  const mapping = findMapping(ctx.config, conflict.mappingName);
  const changes = (conflict.changes as FieldChange[]) ?? [];
  const [job] = conflict.jobId
    ? await ctx.db.select({ direction: syncJobs.direction }).from(syncJobs).where(eq(syncJobs.id, conflict.jobId))
    : [];
  const fields = conflictFields(mapping, parkedFlow(mapping, job?.direction ?? null, changes), changes);
  const sides = decidedSides(fields, decision);
  const runs = [];
  for (const flow of ["erp-to-crm", "crm-to-erp"] as Flow[]) {
    const from = sourceSide(flow);
    const narrowed = narrowToDecision(mapping, sides, flow);
    if (!narrowed) continue;
    const config = {
      ...ctx.config,
      mappings: ctx.config.mappings.map((m) => (m.name === mapping.name ? narrowed : m)),
    };
    const { run } = await synchronizeNow(
      { ...ctx, config },
      mapping.name,
      { side: from, ids: [from === "erp" ? conflict.erpId : conflict.crmId] },
      flow,
      decidedBy,
    );
    runs.push(run);
    const failed = run.passes.reduce((sum, pass) => sum + pass.counters.failed, 0);
    if (failed)
      throw new AppError(
        "CONFLICT",
        `The ${flow} write of the decision failed; the conflict stays open. See job ${run.passes[0]?.jobId ?? ""}.`,
      );
  }
  const resolution = "winner" in decision ? `${decision.winner}-wins` : "field-by-field";
  await ctx.db
    .update(syncConflicts)
    .set({ status: "closed", resolution, decidedBy, decidedAt: new Date() })
    .where(
      and(
        eq(syncConflicts.pairId, ctx.pairId),
        eq(syncConflicts.mappingName, conflict.mappingName),
        eq(syncConflicts.erpId, conflict.erpId),
        eq(syncConflicts.crmId, conflict.crmId),
        eq(syncConflicts.status, "open"),
      ),
    );
  return { runs, resolution };
}
