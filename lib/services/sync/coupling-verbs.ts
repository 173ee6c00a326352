import { coupleByMatch, type CoupleResult } from "@/lib/sync/engine/couple-records";
import {
  createInOtherSystem,
  restoreSkipped,
  setUpCoupling,
  synchronizeNow,
  uncouple,
} from "@/lib/sync/engine/coupling-operations";
import { resolveConflict } from "@/lib/sync/engine/resolve-conflict";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import {
  MatchCouplingInput,
  RecordsInput,
  ResolveConflictInput,
  RestoreSkippedInput,
  SetUpCouplingInput,
  SyncNowInput,
} from "./sync-schemas";
import { actorId, withEngine } from "./sync-service";

type Args = { ctx: ServiceContext; input: unknown };

/** Set up coupling between an ERP and a CRM record, optionally synchronizing them right after. */
export async function coupleRecords({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(SetUpCouplingInput, raw);
  return withEngine(
    ctx,
    {
      action: "coupling.create",
      targetType: "mapping",
      targetId: input.mapping,
      details: { erpId: input.erpId, crmId: input.crmId, syncAfter: input.syncAfter ?? null },
    },
    (engine) => setUpCoupling(engine, input.mapping, { ...input, startedBy: actorId(ctx) }),
  );
}

/** Create in the other system: each selected record not coupled yet is created there and coupled. */
export async function createInOther({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(RecordsInput, raw);
  return withEngine(
    ctx,
    {
      action: "coupling.create-in-other",
      targetType: "mapping",
      targetId: input.mapping,
      details: { side: input.side, count: input.ids.length },
    },
    (engine) => createInOtherSystem(engine, input.mapping, { side: input.side, ids: input.ids }, actorId(ctx)),
  );
}

/** Synchronize now: send, get, or merge (refused when a bidirectional field would conflict). */
export async function syncNow({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(SyncNowInput, raw);
  return withEngine(
    ctx,
    {
      action: "sync.now",
      targetType: "mapping",
      targetId: input.mapping,
      details: { side: input.side, count: input.ids.length, direction: input.direction },
    },
    (engine) =>
      synchronizeNow(engine, input.mapping, { side: input.side, ids: input.ids }, input.direction, actorId(ctx)),
  );
}

export async function uncoupleRecords({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(RecordsInput, raw);
  return withEngine(
    ctx,
    {
      action: "coupling.remove",
      targetType: "mapping",
      targetId: input.mapping,
      details: { side: input.side, ids: input.ids.slice(0, 50), count: input.ids.length },
    },
    (engine) => uncouple(engine, input.mapping, { side: input.side, ids: input.ids }, actorId(ctx)),
  );
}

/** Match-based coupling for a mapping's uncoupled ERP records (all, or those picked). */
export async function matchCouple({ ctx, input: raw }: Args): Promise<CoupleResult> {
  requireRole(ctx, "admin");
  const input = parseInput(MatchCouplingInput, raw);
  return withEngine(
    ctx,
    {
      action: "coupling.match",
      targetType: "mapping",
      targetId: input.mapping,
      details: { count: input.erpIds?.length ?? "all" },
    },
    (engine) =>
      coupleByMatch(engine, input.mapping, {
        trigger: "manual",
        ids: input.erpIds,
        createIfNoMatch: input.createIfNoMatch,
        syncAfter: input.syncAfter,
        startedBy: actorId(ctx),
      }),
  );
}

export async function restoreSkippedRecords({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(RestoreSkippedInput, raw);
  return withEngine(
    ctx,
    {
      action: "coupling.restore",
      targetType: "mapping",
      targetId: input.mapping,
      details: { count: input.ids?.length ?? "all" },
    },
    (engine) =>
      restoreSkipped(engine, input.mapping, input.side && input.ids ? { side: input.side, ids: input.ids } : undefined),
  );
}

/** A person settles a queued conflict by picking the side whose record wins. */
export async function decideConflict({ ctx, input: raw }: Args) {
  requireRole(ctx, "admin");
  const input = parseInput(ResolveConflictInput, raw);
  return withEngine(
    ctx,
    {
      action: "conflict.resolve",
      targetType: "conflict",
      targetId: input.conflictId,
      details: "winner" in input ? { winner: input.winner } : { fields: input.fields },
    },
    (engine) =>
      resolveConflict(
        engine,
        input.conflictId,
        "winner" in input ? { winner: input.winner } : { fields: input.fields },
        actorId(ctx),
      ),
  );
}
