import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { AppError } from "@/lib/errors";
import { ODataServiceError } from "@/lib/sandbox/odata/odata-error";
import { acceptValue } from "@/lib/sandbox/odata/write-values";

/**
 * What a sandbox page's form sends, checked as the simulated system's API checks a body (types, lengths, options),
 * with the form's rules on top: an empty box is no value, and (`creating`) required fields must be filled in.
 * Every problem is reported at once, per field.
 */
export function acceptPageValues(
  entity: CatalogEntity,
  system: "erp" | "crm",
  values: Record<string, unknown>,
  options: { creating: boolean },
): Record<string, unknown> {
  const dialect = system === "crm" ? "dataverse" : "business-central";
  const data: Record<string, unknown> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(values)) {
    const field = entity.fields.find((f) => f.name === name);
    if (!field || field.readOnly || name === entity.key || name === entity.modifiedOn) {
      fieldErrors[name] = ["This field cannot be changed"];
      continue;
    }
    if (options.creating && (raw === "" || raw === null || raw === undefined)) continue;
    try {
      data[name] = acceptValue(
        field,
        raw === "" && field.type !== "string" && field.type !== "text" ? null : raw,
        dialect,
        entity.logicalName ?? entity.name,
      );
    } catch (error) {
      fieldErrors[name] = [error instanceof ODataServiceError ? error.message : "Invalid value"];
    }
  }
  if (options.creating) {
    for (const field of requiredOnCreate(entity))
      if (data[field.name] === undefined && !fieldErrors[field.name])
        fieldErrors[field.name] = ["This field is required"];
  }
  if (Object.keys(fieldErrors).length)
    throw new AppError("VALIDATION_FAILED", Object.values(fieldErrors)[0]![0]!, { fieldErrors });
  return data;
}

/** The fields a person must fill in to create a record: required, settable, and not filled in by the system. */
export function requiredOnCreate(entity: CatalogEntity) {
  return entity.fields.filter(
    (f) => f.required && !f.readOnly && f.name !== entity.key && f.name !== entity.modifiedOn && f.name !== "number",
  );
}

/** The page's form sets no lookups: an entity with a required one cannot be created there. */
export function creatableOnPage(entity: CatalogEntity): boolean {
  return entity.kind === "table" && !requiredOnCreate(entity).some((f) => f.type === "lookup");
}
