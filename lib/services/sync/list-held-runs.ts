import type { JobHold, SyncJob } from "@/db/schema";
import { activePairId } from "@/lib/integration/integration-connections";
import { heldJobs } from "@/lib/sync/engine/held-runs";
import { requireRole, type ServiceContext } from "../context";

export type HeldRun = Pick<
  SyncJob,
  "id" | "mappingName" | "direction" | "trigger" | "mode" | "createdAt" | "message"
> & { hold: JobHold | null };

/** Runs the mass-change guard held, waiting for an admin: each pauses its mapping's schedule. */
export async function listHeldRuns({ ctx }: { ctx: ServiceContext }): Promise<HeldRun[]> {
  requireRole(ctx, "viewer");
  const jobs = await heldJobs(ctx.db, await activePairId(ctx.db));
  return jobs.map((j) => ({
    id: j.id,
    mappingName: j.mappingName,
    direction: j.direction,
    trigger: j.trigger,
    mode: j.mode,
    createdAt: j.createdAt,
    message: j.message,
    hold: j.hold,
  }));
}
