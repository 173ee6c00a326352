import { and, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { reconciliations, type Reconciliation } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { queueFor } from "@/lib/jobs/queue-registry";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { activePairOrNull } from "../connections/active-pair";
import { requireRole, type ServiceContext } from "../context";
import { actorId } from "../sync/sync-service";
import { RECONCILE_QUEUE, ReconciliationIdInput, StartReconciliationInput } from "./reconciliation-schemas";
import { runReconciliation } from "./run-reconciliation";

type Args = { ctx: ServiceContext; input: unknown };
/** A running reconciliation whose heartbeat is this old died with its process. */
const STALE_MS = 2 * 60_000;
export type ReconciliationView = Omit<Reconciliation, "driftedErpIds">;

async function activePair(ctx: ServiceContext): Promise<string> {
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) throw new AppError("CONFIGURATION", "Both systems need an active connection to reconcile them.");
  return pairId;
}

/** Queues a reconciliation of one mapping (one at a time per mapping); without a worker it runs in this process. */
export async function startReconciliation({ ctx, input: raw }: Args): Promise<{ id: string; alreadyRunning: boolean }> {
  requireRole(ctx, "admin");
  const { mapping } = parseInput(StartReconciliationInput, raw);
  const pairId = await activePair(ctx);
  const published = await loadPublishedConfig(ctx.db);
  if (!published.config.mappings.some((m) => m.name === mapping))
    throw new AppError("NOT_FOUND", `The published configuration has no mapping named ${mapping}.`);
  const open = and(
    eq(reconciliations.pairId, pairId),
    eq(reconciliations.mappingName, mapping),
    inArray(reconciliations.status, ["queued", "running"]),
  );
  await ctx.db
    .update(reconciliations)
    .set({ status: "failed", message: "Interrupted: the process running it stopped.", finishedAt: new Date() })
    .where(and(open, lt(reconciliations.heartbeatAt, new Date(Date.now() - STALE_MS))));
  const [running] = await ctx.db.select({ id: reconciliations.id }).from(reconciliations).where(open).limit(1);
  if (running) return { id: running.id, alreadyRunning: true };
  const [row] = await ctx.db
    .insert(reconciliations)
    .values({ pairId, mappingName: mapping, startedBy: actorId(ctx), heartbeatAt: new Date() })
    .returning({ id: reconciliations.id });
  await writeAudit(ctx.db, ctx.actor, { action: "reconciliation.start", targetType: "mapping", targetId: mapping });
  let boss: ReturnType<typeof queueFor> | null = null;
  try {
    boss = queueFor(ctx.db);
  } catch {
    boss = null;
  }
  if (boss) await boss.send(RECONCILE_QUEUE, { id: row!.id });
  else void runReconciliation(ctx.db, row!.id);
  return { id: row!.id, alreadyRunning: false };
}

export async function cancelReconciliation({ ctx, input: raw }: Args): Promise<{ cancelled: boolean }> {
  requireRole(ctx, "admin");
  const { id } = parseInput(ReconciliationIdInput, raw);
  const rows = await ctx.db
    .update(reconciliations)
    .set({ cancelRequestedAt: new Date() })
    .where(and(eq(reconciliations.id, id), isNull(reconciliations.finishedAt)))
    .returning({ id: reconciliations.id, status: reconciliations.status });
  // A queued one never started: it ends here.
  if (rows[0]?.status === "queued")
    await ctx.db
      .update(reconciliations)
      .set({ status: "cancelled", message: "Cancelled before it started.", finishedAt: new Date() })
      .where(eq(reconciliations.id, id));
  if (rows.length)
    await writeAudit(ctx.db, ctx.actor, {
      action: "reconciliation.cancel",
      targetType: "reconciliation",
      targetId: id,
    });
  return { cancelled: rows.length > 0 };
}

const VIEW = {
  id: reconciliations.id,
  pairId: reconciliations.pairId,
  mappingName: reconciliations.mappingName,
  status: reconciliations.status,
  configVersion: reconciliations.configVersion,
  readErp: reconciliations.readErp,
  readCrm: reconciliations.readCrm,
  expected: reconciliations.expected,
  cancelRequestedAt: reconciliations.cancelRequestedAt,
  report: reconciliations.report,
  message: reconciliations.message,
  startedBy: reconciliations.startedBy,
  heartbeatAt: reconciliations.heartbeatAt,
  createdAt: reconciliations.createdAt,
  startedAt: reconciliations.startedAt,
  finishedAt: reconciliations.finishedAt,
};

export async function getReconciliation({ ctx, input: raw }: Args): Promise<ReconciliationView> {
  requireRole(ctx, "viewer");
  const { id } = parseInput(ReconciliationIdInput, raw);
  const [row] = await ctx.db.select(VIEW).from(reconciliations).where(eq(reconciliations.id, id));
  if (!row) throw new AppError("NOT_FOUND", "No such reconciliation.");
  return row;
}

/** The newest reconciliations of the active pair, per mapping or all. */
export async function listReconciliations(args: { ctx: ServiceContext; mapping?: string; limit?: number }) {
  requireRole(args.ctx, "viewer");
  const pairId = await activePairOrNull(args.ctx.db);
  if (!pairId) return [];
  const where = [eq(reconciliations.pairId, pairId)];
  if (args.mapping) where.push(eq(reconciliations.mappingName, args.mapping));
  return args.ctx.db
    .select(VIEW)
    .from(reconciliations)
    .where(and(...where))
    .orderBy(desc(reconciliations.createdAt))
    .limit(args.limit ?? 10);
}
