import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { syncJobs, type JobHold, type SyncJob } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { percent } from "../decide/mass-change-guard";

export type HeldDecision = {
  outcome: "approved" | "discarded";
  by: string;
  byId: string | null;
  queuedRunId?: string | null;
};

/**
 * Runs the mass-change guard held that still wait for a decision, newest first: of one mapping, or of all. Only the
 * connection pair's own: a run held under another pair pauses nothing here.
 */
export function heldJobs(db: DbOrTx, pairId: string, mapping?: string): Promise<SyncJob[]> {
  const held = and(eq(syncJobs.status, "held"), eq(syncJobs.pairId, pairId));
  return db
    .select()
    .from(syncJobs)
    .where(mapping ? and(held, eq(syncJobs.mappingName, mapping)) : held)
    .orderBy(desc(syncJobs.createdAt));
}

/** Mappings whose schedule a held run pauses. */
export async function heldMappings(db: DbOrTx, pairId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ mapping: syncJobs.mappingName })
    .from(syncJobs)
    .where(and(eq(syncJobs.status, "held"), eq(syncJobs.pairId, pairId)));
  return new Set(rows.map((r) => r.mapping));
}

/** Refuses a guarded run of a mapping while one of its runs is held: the held run is decided first, never re-run. */
export async function assertNotHeld(db: DbOrTx, pairId: string, mapping: string): Promise<void> {
  const [held] = await heldJobs(db, pairId, mapping);
  if (held)
    throw new AppError(
      "CONFLICT",
      `${mapping} is paused: its ${held.direction} run (job ${held.id}) was held by the mass-change guard. Approve or discard that run on the Synchronization page first.`,
    );
}

export function describeHold(mapping: string, hold: JobHold): string {
  return `${hold.planned} of ${hold.coupledTotal} coupled ${mapping} records (${percent(hold.share)}) would be uncoupled, restored or overwritten; ${percent(hold.maxShare)} is allowed.`;
}

/**
 * Settles a held job once (only while it is still held, so two admins deciding at once decide once): approved, it
 * ends as "aborted" — it stopped before writing, the approved run does the work; discarded, it ends as "cancelled".
 */
export async function settleHeld(tx: DbOrTx, job: SyncJob, decision: HeldDecision): Promise<SyncJob | null> {
  const at = new Date();
  const recorded: NonNullable<JobHold["decision"]> = {
    outcome: decision.outcome,
    by: decision.by,
    at: at.toISOString(),
    queuedRunId: decision.queuedRunId ?? null,
  };
  const what = job.hold ? describeHold(job.mappingName, job.hold) : "";
  const message =
    decision.outcome === "approved"
      ? `Held before writing: ${what} Approved by ${decision.by}: run once more with the guard lifted.`
      : `Held before writing: ${what} Discarded by ${decision.by}: nothing was written; the schedule goes on.`;
  const [row] = await tx
    .update(syncJobs)
    .set({
      status: decision.outcome === "approved" ? "aborted" : "cancelled",
      decidedBy: decision.byId,
      hold: sql`coalesce(${syncJobs.hold}, '{}'::jsonb) || jsonb_build_object('decision', ${JSON.stringify(recorded)}::jsonb)`,
      message,
    })
    .where(and(eq(syncJobs.id, job.id), eq(syncJobs.status, "held")))
    .returning();
  return row ?? null;
}
