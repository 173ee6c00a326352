import type { ValidationContext } from "./validation-context";

const REFERENCE = ["guid", "lookup"];

/** Match-based coupling compares field values: blobs, constants and GUID-vs-text pairs cannot be compared. */
export function checkMatch(ctx: ValidationContext): void {
  ctx.model.mappings.forEach((mapping, index) => {
    mapping.match?.groups.forEach((group, g) =>
      group.fields.forEach((pair, p) => {
        const where = ctx.at(index, { suffix: `.match.groups[${g}].fields[${p}]` });
        const erp = ctx.field(mapping, "erp", pair.erp);
        const crm = ctx.field(mapping, "crm", pair.crm);
        if (ctx.entity(mapping, "erp") && !erp)
          ctx.report("UNKNOWN_FIELD", `${mapping.erp.entity} has no field "${pair.erp}" (a match field)`, where);
        if (ctx.entity(mapping, "crm") && !crm)
          ctx.report("UNKNOWN_FIELD", `${mapping.crm.entity} has no field "${pair.crm}" (a match field)`, where);
        if (erp?.type === "blob" || crm?.type === "blob") {
          ctx.report("MATCH_FIELD_UNMATCHABLE", `${pair.erp} ↔ ${pair.crm}: binary fields cannot be matched`, where);
        }
        const constant = mapping.fields.find(
          (field) =>
            field.constant !== undefined &&
            !(field.erp && field.crm) &&
            (field.erp === pair.erp || field.crm === pair.crm),
        );
        if (constant)
          ctx.report(
            "MATCH_FIELD_UNMATCHABLE",
            `${pair.erp} ↔ ${pair.crm}: ${constant.erp ?? constant.crm} gets a constant, so every record would match`,
            where,
          );
        if (erp && crm && REFERENCE.includes(erp.type) !== REFERENCE.includes(crm.type)) {
          ctx.report(
            "MATCH_FIELD_UNMATCHABLE",
            `${pair.erp} (${erp.type}) and ${pair.crm} (${crm.type}) cannot be compared`,
            where,
          );
        }
      }),
    );
  });
}
