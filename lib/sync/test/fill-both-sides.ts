import { flowsOf } from "@/lib/mapping/model/direction";
import type { MappingModel } from "@/lib/mapping/model/runtime-config";
import type { EngineContext } from "../engine/engine-context";
import { runMapping } from "../engine/run-mapping";

/**
 * The template as a consultant sets it who wants each system filled from the other: every mapping with match-based
 * coupling creates new records when nothing matches and synchronizes what it coupled (the designer's "Create in
 * Sales when nothing matches" and "Synchronize after coupling").
 */
export function fillingBothSides(model: MappingModel): MappingModel {
  return {
    mappings: model.mappings.map((m) =>
      m.match ? { ...m, match: { ...m.match, createIfNoMatch: true, syncAfterCoupling: true } } : m,
    ),
  };
}

/**
 * After a full synchronization, what a coupling line left alone in the CRM is created in the ERP, mapping by mapping
 * in dependency order: BC's "Create in Business Central" for every uncoupled CRM record (`tandem sync --mapping M
 * --direction crm-to-erp --full`).
 */
export async function createUncoupledCrmRecordsInErp(ctx: EngineContext): Promise<void> {
  for (const mapping of ctx.config.mappings) {
    if (mapping.parent || !flowsOf(mapping.direction).includes("crm-to-erp")) continue;
    await runMapping(ctx, mapping.name, {
      trigger: "test",
      mode: "full",
      direction: "crm-to-erp",
      createUncoupled: true,
      matchBeforeCreate: true,
      guard: "override",
    });
  }
}
