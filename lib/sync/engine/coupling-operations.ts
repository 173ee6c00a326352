import { and, eq, inArray, or } from "drizzle-orm";
import { couplings } from "@/db/schema";
import { carries, flowInto, sourceSide, targetSide, type Flow, type Side } from "@/lib/mapping/model/direction";
import { AppError } from "@/lib/errors";
import { changedSinceLastSync } from "../decide/change-detection";
import { couplingsByIds, deleteCouplings, insertCouplings } from "./coupling-store";
import { findMapping, type EngineContext } from "./engine-context";
import { JobRecorder } from "./job-recorder";
import { runMapping, type RunResult } from "./run-mapping";

const other = (side: Side): Side => (side === "erp" ? "crm" : "erp");
export type RecordSelection = { side: Side; ids: string[] };

/** BC's Set Up Coupling (§3.1): couple two existing records, optionally syncing them right after in a chosen direction. */
export async function setUpCoupling(
  ctx: EngineContext,
  name: string,
  input: { erpId: string; crmId: string; syncAfter?: Flow; startedBy?: string | null },
): Promise<{ couplingId: string; synced?: RunResult }> {
  const mapping = findMapping(ctx.config, name);
  const [erp] = await ctx.connectors.erp.readByIds(mapping.erp.entity, [input.erpId]);
  const [crm] = await ctx.connectors.crm.readByIds(mapping.crm.entity, [input.crmId]);
  if (!erp) throw new AppError("NOT_FOUND", `No ${mapping.erp.entity} record ${input.erpId} in the ERP.`);
  if (!crm) throw new AppError("NOT_FOUND", `No ${mapping.crm.entity} record ${input.crmId} in the CRM.`);
  const existing = await ctx.db
    .select()
    .from(couplings)
    .where(
      and(
        eq(couplings.pairId, ctx.pairId),
        eq(couplings.mappingName, name),
        or(eq(couplings.erpId, erp.id), eq(couplings.crmId, crm.id)),
      ),
    );
  if (existing.length)
    throw new AppError(
      "CONFLICT",
      `One of these records is already coupled in ${name} (ERP ${existing[0]!.erpId} ↔ CRM ${existing[0]!.crmId}); uncouple it first.`,
    );
  const inserted = await insertCouplings(ctx.db, ctx.pairId, [
    { mappingName: name, erpId: erp.id, crmId: crm.id, erpModifiedOn: null, crmModifiedOn: null },
  ]);
  const couplingId = inserted.get(erp.id.toLowerCase());
  if (!couplingId) throw new AppError("CONFLICT", "The records were coupled by someone else meanwhile.");
  if (!input.syncAfter) return { couplingId };
  const synced = await runMapping(ctx, name, {
    trigger: "coupling",
    mode: "one-off",
    records: { side: "erp", ids: [erp.id] },
    direction: input.syncAfter,
    force: true,
    startedBy: input.startedBy,
    waitMs: 30_000,
  });
  return { couplingId, synced };
}

/** BC's Create in Dataverse / Create in Business Central: one-off creates of records not coupled yet. */
export async function createInOtherSystem(
  ctx: EngineContext,
  name: string,
  selection: RecordSelection,
  startedBy?: string | null,
): Promise<{ run: RunResult; alreadyCoupled: string[] }> {
  const mapping = findMapping(ctx.config, name);
  const flow = flowInto(other(selection.side));
  if (!carries(mapping.direction, flow))
    throw new AppError(
      "VALIDATION_FAILED",
      `${name} does not synchronize ${flow}; records cannot be created that way.`,
    );
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, name, selection.side, selection.ids);
  const free = selection.ids.filter((id) => !coupled.has(id.toLowerCase()));
  const run = await runMapping(ctx, name, {
    trigger: "create",
    mode: "one-off",
    records: { side: selection.side, ids: free },
    direction: flow,
    createUncoupled: true,
    force: true,
    startedBy,
    waitMs: 30_000,
  });
  return { run, alreadyCoupled: selection.ids.filter((id) => coupled.has(id.toLowerCase())) };
}

/**
 * BC's Synchronize Now (§3.1). Send or get forces the chosen direction; merge syncs both ways and is refused when a
 * bidirectional field would conflict. For several records, those changed on the destination since the last sync are
 * left out (a single record is the person's explicit choice). Synchronizing clears Skipped.
 */
export async function synchronizeNow(
  ctx: EngineContext,
  name: string,
  selection: RecordSelection,
  direction: Flow | "merge",
  startedBy?: string | null,
): Promise<{ run: RunResult; notCoupled: string[]; changedOnDestination: string[] }> {
  const mapping = findMapping(ctx.config, name);
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, name, selection.side, selection.ids);
  const notCoupled = selection.ids.filter((id) => !coupled.has(id.toLowerCase()));
  if (selection.ids.length === 1 && notCoupled.length)
    throw new AppError(
      "CONFLICT",
      `This record is not coupled in ${name}; set up a coupling or create it in the other system first.`,
    );
  let ids = selection.ids.filter((id) => coupled.has(id.toLowerCase()));
  const changedOnDestination: string[] = [];
  if (direction !== "merge" && ids.length > 1) {
    const into = targetSide(direction);
    const states = ids.map((id) => coupled.get(id.toLowerCase())!);
    const destinations = new Map(
      (
        await ctx.connectors[into].readByIds(
          mapping[into].entity,
          states.map((c) => (into === "erp" ? c.erpId : c.crmId)),
        )
      ).map((r) => [r.id.toLowerCase(), r]),
    );
    ids = ids.filter((id) => {
      const state = coupled.get(id.toLowerCase())!;
      const destination = destinations.get((into === "erp" ? state.erpId : state.crmId).toLowerCase());
      const changed = destination ? changedSinceLastSync(destination, state, flowInto(sourceSide(direction))) : false;
      if (changed) changedOnDestination.push(id);
      return !changed;
    });
  }
  const states = ids.map((id) => coupled.get(id.toLowerCase())!);
  if (states.length)
    await ctx.db
      .update(couplings)
      .set({ skipped: false, lastErrorErp: null, lastErrorCrm: null })
      .where(
        inArray(
          couplings.id,
          states.map((s) => s.id),
        ),
      );
  if (direction === "merge") {
    const dry = await runMapping(ctx, name, {
      trigger: "sync-now",
      mode: "one-off",
      records: { side: selection.side, ids },
      dryRun: true,
    });
    const conflict = dry.passes.flatMap((p) => p.diff ?? []).find((d) => d.action === "conflict");
    if (conflict)
      throw new AppError(
        "CONFLICT",
        `Both records changed and a bidirectional field differs (${conflict.changes.find((c) => c.bidirectional)?.field ?? "a field"}); choose to send or to get the data instead of merging.`,
      );
  }
  const run = await runMapping(ctx, name, {
    trigger: "sync-now",
    mode: "one-off",
    records: { side: selection.side, ids },
    ...(direction === "merge" ? {} : { direction, force: true }),
    startedBy,
    waitMs: 30_000,
  });
  return { run, notCoupled, changedOnDestination };
}

/** BC's Remove Coupling, as an Uncoupling job with its counter. */
export async function uncouple(
  ctx: EngineContext,
  name: string,
  selection: RecordSelection,
  startedBy?: string | null,
): Promise<{ jobId: string; uncoupled: number }> {
  findMapping(ctx.config, name);
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, name, selection.side, selection.ids);
  const job = await JobRecorder.start(ctx.db, {
    pairId: ctx.pairId,
    mappingName: name,
    direction: flowInto(other(selection.side)),
    type: "uncoupling",
    trigger: "uncouple",
    mode: "one-off",
    configVersion: ctx.config.version,
    startedBy,
  });
  await deleteCouplings(
    ctx.db,
    [...coupled.values()].map((c) => c.id),
  );
  job.count("uncoupled", coupled.size);
  await job.finish("succeeded");
  return { jobId: job.id, uncoupled: coupled.size };
}

/** BC's Restore (UpdateSkippedNow / UpdateAllSkippedNow): skipped couplings take part again, retried first. */
export async function restoreSkipped(
  ctx: EngineContext,
  name: string,
  selection?: RecordSelection,
): Promise<{ restored: number }> {
  findMapping(ctx.config, name);
  const scope = selection
    ? inArray(selection.side === "erp" ? couplings.erpId : couplings.crmId, selection.ids)
    : undefined;
  const rows = await ctx.db
    .update(couplings)
    .set({ skipped: false, lastErrorErp: null, lastErrorCrm: null, updatedAt: new Date() })
    .where(and(eq(couplings.mappingName, name), eq(couplings.skipped, true), scope))
    .returning({ id: couplings.id });
  return { restored: rows.length };
}
