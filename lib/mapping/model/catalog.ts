import { z } from "zod";

/**
 * What a connected system offers, as its connector's describe() reports it (or a static catalog offline).
 * Entities are named by their entity set (`customers`, `accounts`); fields by their API / logical name.
 */
export const FIELD_TYPES = [
  "string", // short text with a max length
  "text", // long text / memo
  "integer",
  "decimal", // also money
  "boolean",
  "date", // date only, YYYY-MM-DD
  "datetime", // ISO 8601 instant
  "guid",
  "enum", // Business Central enum: a string on the wire
  "optionset", // Dataverse choice: an integer on the wire
  "lookup", // a reference to another entity's record (Dataverse: _x_value / @odata.bind; BC: an *Id guid)
  "blob",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const EnumOptionSchema = z.object({
  value: z.union([z.string(), z.number().int()]),
  label: z.string(),
});
export type EnumOption = z.infer<typeof EnumOptionSchema>;

export const CatalogFieldSchema = z.object({
  name: z.string().min(1),
  label: z.string().optional(),
  type: z.enum(FIELD_TYPES),
  maxLength: z.number().int().positive().optional(),
  required: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  /** Can be set when the record is created, never changed afterwards (Dataverse IsValidForUpdate = false). */
  createOnly: z.boolean().optional(),
  /** enum / optionset values */
  options: z.array(EnumOptionSchema).optional(),
  /** lookup: the entity sets it may point to (several for Dataverse customer lookups) */
  lookupTargets: z.array(z.string()).optional(),
});
export type CatalogField = z.infer<typeof CatalogFieldSchema>;

export const CatalogEntitySchema = z.object({
  /** entity set name, the URL segment: `customers`, `accounts` */
  name: z.string().min(1),
  label: z.string().optional(),
  /** Dataverse logical name (`account`); absent on Business Central */
  logicalName: z.string().optional(),
  /** "optionset": a Dataverse choice column seen as a table of option values (key = value, name = label) */
  kind: z.enum(["table", "optionset"]).default("table"),
  key: z.string().min(1),
  /** the business identifier shown to people: `number`, `code`, `name` */
  primaryName: z.string().optional(),
  /** absent when the entity has none (option sets, BC document lines) */
  modifiedOn: z.string().optional(),
  /** where the ERP exposes it: the standard API v2.0, or a custom API page we ship */
  api: z.string().optional(),
  /**
   * Business Central: Tandem's own API page over the same table (same `id`) on `api`, which the connector reads and
   * writes when the tenant has it. It serves every field of the entity — `fields` are those the standard page lacks —
   * and `integrationKey`, the field a create's idempotency key travels in (not a mappable field).
   */
  extension: z
    .object({ api: z.string(), fields: z.array(z.string()).default([]), integrationKey: z.string().optional() })
    .optional(),
  fields: z.array(CatalogFieldSchema),
});
export type CatalogEntity = z.infer<typeof CatalogEntitySchema>;

export const SchemaCatalogSchema = z.object({
  system: z.enum(["erp", "crm"]),
  name: z.string(),
  entities: z.array(CatalogEntitySchema),
});
export type SchemaCatalog = z.infer<typeof SchemaCatalogSchema>;
export type SchemaCatalogInput = z.input<typeof SchemaCatalogSchema>;

export function findEntity(catalog: SchemaCatalog | undefined, name: string): CatalogEntity | undefined {
  return catalog?.entities.find((entity) => entity.name === name);
}

export function findField(entity: CatalogEntity | undefined, name: string): CatalogField | undefined {
  return entity?.fields.find((field) => field.name === name);
}
