import { enqueueSync } from "@/lib/jobs/enqueue";
import { queueFor } from "@/lib/jobs/queue-registry";
import { findMapping } from "@/lib/sync/engine/engine-context";
import { activePairId } from "@/lib/integration/integration-connections";
import { assertNotHeld } from "@/lib/sync/engine/held-runs";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { RunMappingInput } from "./sync-schemas";
import { actorId, withEngine } from "./sync-service";

/**
 * Run now: queues one run of the mapping for the worker; when one is already waiting, says so instead. Refused while
 * a run of the mapping is held by the mass-change guard: that run is approved or discarded, not run again.
 */
export async function runMappingNow(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ queued: boolean; jobId: string | null }> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(RunMappingInput, args.input);
  await assertNotHeld(ctx.db, await activePairId(ctx.db), input.mapping);
  return withEngine(
    ctx,
    {
      action: "sync.run",
      targetType: "mapping",
      targetId: input.mapping,
      details: { direction: input.direction ?? null, full: input.full },
    },
    async (engine) => {
      findMapping(engine.config, input.mapping);
      const jobId = await enqueueSync(queueFor(ctx.db), {
        kind: "run-mapping",
        mapping: input.mapping,
        trigger: "manual",
        mode: input.full ? "full" : "incremental",
        direction: input.direction,
        startedBy: actorId(ctx),
      });
      return { queued: jobId !== null, jobId };
    },
  );
}
