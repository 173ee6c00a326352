import { findMapping } from "@/lib/sync/engine/engine-context";
import { runMapping, type RunResult } from "@/lib/sync/engine/run-mapping";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { RunInProcessInput } from "./sync-schemas";
import { actorId, withEngine } from "./sync-service";

/**
 * Runs one mapping in the calling process and waits for it (`tandem sync --mapping`): a person at a shell, so it is
 * not refused while the mapping is held — it counts again, and `overrideGuard` lifts the guard. `full` reads every
 * record and creates (after matching) what is not coupled.
 */
export async function runMappingInProcess(args: { ctx: ServiceContext; input: unknown }): Promise<RunResult> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(RunInProcessInput, args.input);
  return withEngine(
    ctx,
    {
      action: "sync.run",
      targetType: "mapping",
      targetId: input.mapping,
      details: {
        direction: input.direction ?? null,
        full: input.full,
        overrideGuard: input.overrideGuard,
        inProcess: true,
      },
    },
    async (engine) => {
      findMapping(engine.config, input.mapping);
      return runMapping(engine, input.mapping, {
        trigger: "cli",
        mode: input.full ? "full" : "incremental",
        direction: input.direction,
        guard: input.overrideGuard ? "override" : "on",
        ...(input.full ? { createUncoupled: true, matchBeforeCreate: true } : {}),
        startedBy: actorId(ctx),
        waitMs: 60_000,
      });
    },
  );
}
