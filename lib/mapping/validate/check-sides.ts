import { findField } from "../model/catalog";
import { filterTerms, type FilterAst } from "../model/filter";
import { FilterError } from "../filter/filter-error";
import { toODataFilter } from "../filter/odata-filter";
import { typeLiteral } from "../filter/typed-literal";
import type { ValidationContext } from "./validation-context";

const SYSTEM_NAMES = { erp: "Business Central", crm: "Dataverse" } as const;

/** Entities exist, keys and modified-on fields exist, filters use real fields with values of the right type. */
export function checkSides(ctx: ValidationContext): void {
  ctx.model.mappings.forEach((mapping, index) => {
    for (const side of ["erp", "crm"] as const) {
      const catalog = ctx.catalogs[side];
      const entity = ctx.entity(mapping, side);
      if (catalog && !entity) {
        ctx.report(
          "UNKNOWN_ENTITY",
          `${SYSTEM_NAMES[side]} has no entity "${mapping[side].entity}"`,
          ctx.at(index, { suffix: `.${side}.entity` }),
        );
        continue;
      }
      for (const part of ["key", "modifiedOn"] as const) {
        const name = mapping[side][part];
        if (entity && name && !findField(entity, name)) {
          ctx.report(
            "UNKNOWN_FIELD",
            `${entity.name} has no field "${name}" (used as its ${part === "key" ? "key" : "modified-on field"})`,
            ctx.at(index, { suffix: `.${side}.${part}` }),
          );
        }
      }
      const filter = mapping[side].filter;
      if (filter) checkFilter(ctx, index, side, filter);
    }
  });
}

function checkFilter(ctx: ValidationContext, index: number, side: "erp" | "crm", filter: FilterAst): void {
  const mapping = ctx.model.mappings[index]!;
  const entity = ctx.entity(mapping, side);
  const where = ctx.at(index, { filter: side });
  let termProblem = false;
  for (const term of filterTerms(filter)) {
    const field = findField(entity, term.field);
    if (entity && !field) {
      ctx.report(
        "FILTER_UNKNOWN_FIELD",
        `The ${side.toUpperCase()} filter uses "${term.field}", which ${entity.name} does not have`,
        where,
      );
      termProblem = true;
      continue;
    }
    for (const value of term.values) {
      try {
        if (!term.text) typeLiteral(term.field, field, value);
        else if (field && field.type !== "string" && field.type !== "text")
          throw new FilterError(
            "FILTER_VALUE_TYPE",
            `${term.field} is not text, so contains/startswith/endswith do not apply`,
            term.field,
          );
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        ctx.report(error.code, `The ${side.toUpperCase()} filter: ${error.message}`, where);
        termProblem = true;
      }
    }
  }
  if (termProblem) return;
  // What only the system's dialect refuses, such as Business Central's "or" across fields.
  try {
    toODataFilter(filter, {
      dialect: side === "erp" ? "business-central" : "dataverse",
      field: (name) => findField(entity, name),
    });
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    ctx.report(error.code, `The ${side.toUpperCase()} filter: ${error.message}`, where);
  }
}
