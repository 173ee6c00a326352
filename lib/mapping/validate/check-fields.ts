import { fieldDirectionAllowed, flowInto, flowsOf, sourceSide, targetSide, type Flow } from "../model/direction";
import type { FieldMapping, TableMapping } from "../model/table-mapping";
import { checkTransforms, type FlowType } from "../transform/check-transforms";
import { checkLookup, checkValueMap } from "./check-field-values";
import { canAssign, constantFits } from "./type-compatibility";
import type { ValidationContext } from "./validation-context";

const TEXTUAL: FlowType[] = ["string", "text", "enum"];

/** Each field mapping on its own: shape, direction, fields, and what happens to the value on its way. */
export function checkFields(ctx: ValidationContext): void {
  ctx.model.mappings.forEach((mapping, index) =>
    mapping.fields.forEach((field, f) => checkField(ctx, mapping, index, field, f)),
  );
}

function checkField(
  ctx: ValidationContext,
  mapping: TableMapping,
  index: number,
  field: FieldMapping,
  f: number,
): void {
  const where = ctx.at(index, { field: f });
  const label = field.erp && field.crm ? `${field.erp} ↔ ${field.crm}` : (field.erp ?? field.crm ?? "field mapping");
  const constantOnly = field.constant !== undefined && !(field.erp && field.crm);

  if (!field.erp && !field.crm)
    return ctx.report("FIELD_MAPPING_INCOMPLETE", "A field mapping needs an ERP field, a CRM field, or both", where);
  if (!(field.erp && field.crm) && field.constant === undefined) {
    return ctx.report(
      "FIELD_MAPPING_INCOMPLETE",
      `${label} has only one side; give it a constant to write, or map the other side`,
      where,
    );
  }
  if (field.erp && field.crm && field.constant !== undefined) {
    ctx.report("CONSTANT_ON_MAPPED_FIELD", `${label} maps two fields and also has a constant; keep one`, where);
  }
  if (constantOnly) {
    const into = flowInto(field.crm ? "crm" : "erp");
    if (field.direction !== into)
      ctx.report(
        "FIELD_DIRECTION_NOT_ALLOWED",
        `A constant can only flow into its field: ${label} must be ${into}`,
        where,
      );
  }
  if (!fieldDirectionAllowed(mapping.direction, field.direction)) {
    ctx.report(
      "FIELD_DIRECTION_NOT_ALLOWED",
      `${label} is ${field.direction}, but ${mapping.name} is ${mapping.direction}`,
      where,
    );
  }

  const erp = ctx.field(mapping, "erp", field.erp);
  const crm = ctx.field(mapping, "crm", field.crm);
  for (const side of ["erp", "crm"] as const) {
    const name = field[side];
    const entity = ctx.entity(mapping, side);
    if (name && entity && !(side === "erp" ? erp : crm))
      ctx.report("UNKNOWN_FIELD", `${entity.name} has no field "${name}"`, where);
  }
  if (field.lookup) checkLookup(ctx, field, erp, crm, where);
  if (field.valueMap) checkValueMap(ctx, field, erp, crm, where);

  const reported = new Set<string>();
  const once = (code: Parameters<ValidationContext["report"]>[0], message: string) => {
    if (reported.has(code + message)) return;
    reported.add(code + message);
    ctx.report(code, message, where);
  };
  for (const flow of flowsOf(field.direction)) {
    const source = sourceSide(flow) === "erp" ? erp : crm;
    const target = targetSide(flow) === "erp" ? erp : crm;
    if (target?.readOnly)
      once("READ_ONLY_TARGET", `${target.name} cannot be written, but ${label} writes it (${flow})`);
    if (target?.createOnly && !field.createOnly)
      once(
        "CREATE_ONLY_TARGET",
        `${target.name} can only be set when the record is created; mark ${label} create-only (${flow})`,
      );
    const transforms =
      field.transforms && (!field.transformFlow || field.transformFlow === flow) ? field.transforms : [];
    const input: FlowType = constantOnly ? "unknown" : (source?.type ?? "unknown");
    const checked = checkTransforms(transforms, input, target);
    for (const problem of checked.problems)
      once(problem.code, `Transform ${problem.index + 1} of ${label}: ${problem.message}`);
    if (!target) continue;
    if (constantOnly) {
      if (transforms.length === 0 && !constantFits(field.constant!, target))
        once(
          "TYPE_MISMATCH",
          `The constant ${JSON.stringify(field.constant)} does not fit ${target.name} (${target.type})`,
        );
      continue;
    }
    if (field.lookup || field.valueMap) continue;
    checkAssignment(once, label, flow, checked.output, source?.type, target.type);
    const hasTruncate = transforms.some((t) => t.type === "truncate");
    const sourceMax = transforms.length ? undefined : source?.maxLength;
    if (
      !hasTruncate &&
      target.maxLength &&
      sourceMax &&
      TEXTUAL.includes(checked.output) &&
      sourceMax > target.maxLength
    ) {
      once(
        "TRUNCATION_RISK",
        `${source!.name} holds up to ${sourceMax} characters but ${target.name} only ${target.maxLength} (${flow}); add a truncate transform`,
      );
    }
  }
}

function checkAssignment(
  report: (code: "TYPE_MISMATCH", message: string) => void,
  label: string,
  flow: Flow,
  output: FlowType,
  sourceType: FlowType | undefined,
  targetType: NonNullable<ReturnType<ValidationContext["field"]>>["type"],
): void {
  if (targetType === "lookup" || sourceType === "lookup") {
    return report(
      "TYPE_MISMATCH",
      `${label} is a reference; set a lookup through the mapping that couples the referenced records`,
    );
  }
  const options = (type: FlowType | undefined) => type === "enum" || type === "optionset";
  if (options(sourceType) && options(targetType) && sourceType !== targetType) {
    return report("TYPE_MISMATCH", `${label} converts between option values and codes (${flow}); add a value map`);
  }
  if (!canAssign(output, targetType))
    report(
      "TYPE_MISMATCH",
      `${label}: a ${output} value cannot go into a ${targetType} field (${flow}) without a transform`,
    );
}
