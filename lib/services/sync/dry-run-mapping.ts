import { runMapping, type RunResult } from "@/lib/sync/engine/run-mapping";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { DryRunInput } from "./sync-schemas";
import { withEngine } from "./sync-service";

/** Dry run: what a run would do, record by record and field by field, with nothing written anywhere. */
export async function dryRunMapping(args: { ctx: ServiceContext; input: unknown }): Promise<RunResult> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(DryRunInput, args.input);
  return withEngine(ctx, null, (engine) =>
    runMapping(engine, input.mapping, {
      trigger: "dry-run",
      mode: input.records ? "one-off" : input.full ? "full" : "incremental",
      direction: input.direction,
      records: input.records,
      ...(input.full || input.records
        ? { createUncoupled: true, matchBeforeCreate: Boolean(input.full), force: Boolean(input.records) }
        : {}),
      dryRun: true,
    }),
  );
}
