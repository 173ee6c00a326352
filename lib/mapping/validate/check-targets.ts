import { findField } from "../model/catalog";
import { carries, flowsOf, targetSide } from "../model/direction";
import type { TableMapping } from "../model/table-mapping";
import { constantFits } from "./type-compatibility";
import type { ValidationContext } from "./validation-context";

/** Per table mapping: one writer per target field and flow, every synced direction carried, valid defaults. */
export function checkTargets(ctx: ValidationContext): void {
  ctx.model.mappings.forEach((mapping, index) => {
    if (mapping.direction === "bidirectional" && ctx.entity(mapping, "crm")?.kind === "optionset") {
      ctx.report(
        "INVALID_SETTING",
        `${mapping.name} couples records to option values, which only works one way; make it erp-to-crm or crm-to-erp`,
        ctx.at(index, { suffix: ".direction" }),
      );
    }
    for (const flow of flowsOf(mapping.direction)) {
      const side = targetSide(flow);
      const carriers = mapping.fields
        .map((field, f) => ({ field, f }))
        .filter(({ field }) => field.enabled && carries(field.direction, flow));
      if (carriers.length === 0) {
        ctx.report(
          "DIRECTION_WITHOUT_FIELDS",
          `${mapping.name} syncs ${flow}, but no enabled field mapping carries that direction`,
          ctx.at(index, { suffix: ".direction" }),
        );
      }
      const writers = new Map<string, number[]>();
      for (const { field, f } of carriers) {
        const target = field[side];
        if (target) writers.set(target, [...(writers.get(target) ?? []), f]);
      }
      for (const [target, indexes] of writers) {
        if (indexes.length < 2) continue;
        const isConstant = (f: number) =>
          mapping.fields[f]!.constant !== undefined && !(mapping.fields[f]!.erp && mapping.fields[f]!.crm);
        const constants = indexes.filter(isConstant).length;
        const mixed = constants > 0 && constants < indexes.length;
        for (const f of indexes.slice(1)) {
          ctx.report(
            mixed ? "CONSTANT_ON_MAPPED_FIELD" : "DUPLICATE_TARGET_FIELD",
            mixed
              ? `${target} gets a constant and is also mapped (${flow}); keep one`
              : `${target} is written by ${indexes.length} ${constants ? "constants" : "field mappings"} (${flow}); keep one`,
            ctx.at(index, { field: f }),
          );
        }
      }
    }
    checkDefaults(ctx, mapping, index);
  });
}

function checkDefaults(ctx: ValidationContext, mapping: TableMapping, index: number): void {
  for (const side of ["erp", "crm"] as const) {
    const entity = ctx.entity(mapping, side);
    for (const [name, value] of Object.entries(mapping.defaultsOnCreate?.[side] ?? {})) {
      if (!entity) continue;
      const field = findField(entity, name);
      const where = ctx.at(index, { suffix: `.defaultsOnCreate.${side}.${name}` });
      if (!field) ctx.report("UNKNOWN_FIELD", `${entity.name} has no field "${name}" (a default on create)`, where);
      else if (field.readOnly)
        ctx.report("READ_ONLY_TARGET", `${name} cannot be written, so it cannot have a default on create`, where);
      else if (!constantFits(value, field))
        ctx.report(
          "TYPE_MISMATCH",
          `The default ${JSON.stringify(value)} does not fit ${name} (${field.type}${field.maxLength ? `, at most ${field.maxLength} characters` : ""})`,
          where,
        );
    }
  }
}
