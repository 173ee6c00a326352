import { z } from "zod";
import { mappingSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";
import { clearWatermarks } from "@/lib/sync/engine/watermark-store";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { activePairId } from "@/lib/integration/integration-connections";

const MappingInput = z.object({ mapping: MappingNameSchema });
const ScheduleInput = MappingInput.extend({ enabled: z.boolean({ message: "enabled is true or false" }) });

async function publishedMapping(ctx: ServiceContext, name: string) {
  const { config } = await loadPublishedConfig(ctx.db);
  const mapping = config.mappings.find((m) => m.name === name);
  if (!mapping) throw new AppError("NOT_FOUND", `The published configuration has no mapping named ${name}.`);
  return mapping;
}

/** Enable or disable a mapping's schedule (Run now still works); the scheduler skips a disabled one. */
export async function setScheduleEnabled(args: { ctx: ServiceContext; input: unknown }) {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(ScheduleInput, args.input);
  const mapping = await publishedMapping(ctx, input.mapping);
  if (!mapping.schedule || mapping.parent)
    throw new AppError(
      "CONFLICT",
      `${mapping.name} has no schedule of its own${mapping.parent ? `: it runs with ${mapping.parent}` : ""}.`,
    );
  const by = ctx.actor.kind === "user" ? ctx.actor.id : null;
  return withTransaction(ctx, async (tx) => {
    await tx
      .insert(mappingSettings)
      .values({ mappingName: mapping.name, scheduleEnabled: input.enabled, updatedBy: by })
      .onConflictDoUpdate({
        target: mappingSettings.mappingName,
        set: { scheduleEnabled: input.enabled, updatedBy: by, updatedAt: new Date() },
      });
    await writeAudit(tx, ctx.actor, {
      action: input.enabled ? "mapping.schedule.enable" : "mapping.schedule.disable",
      targetType: "mapping",
      targetId: mapping.name,
    });
    return { mapping: mapping.name, scheduleEnabled: input.enabled };
  });
}

/**
 * Reset the watermark (BC's "Synchronize modified records" from scratch): the next run of the active pair reads every
 * record of the mapping again and compares it with its coupling; nothing is written that did not change.
 */
export async function resetWatermark(args: { ctx: ServiceContext; input: unknown }) {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(MappingInput, args.input);
  const mapping = await publishedMapping(ctx, input.mapping);
  const pairId = await activePairId(ctx.db);
  return withTransaction(ctx, async (tx) => {
    await clearWatermarks(tx, pairId, mapping.name);
    await writeAudit(tx, ctx.actor, {
      action: "mapping.watermark.reset",
      targetType: "mapping",
      targetId: mapping.name,
    });
    return { mapping: mapping.name };
  });
}
