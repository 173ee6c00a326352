import { z } from "zod";
import { DirectionSchema, FlowSchema } from "./direction";
import { FilterAstSchema } from "./filter";
import { JsonValueSchema } from "./json-value";
import { TransformSchema } from "./transform";

export const MAPPING_NAME_PATTERN = /^[A-Z0-9][A-Z0-9 ._-]{0,39}$/;
export const MappingNameSchema = z
  .string()
  .regex(
    MAPPING_NAME_PATTERN,
    "Mapping names are 1–40 capital letters, digits, spaces, dots, dashes or underscores, like CUSTOMER or ITEM-PRODUCT",
  );

/** Option-set ↔ code-table conversion: pairs are [erp value, crm value]; the crm→erp flow reads them backwards. */
export const ValueMapSchema = z.object({
  pairs: z.array(z.tuple([JsonValueSchema, JsonValueSchema])),
  /** "blank": write nothing for an unmatched value and skip the field (the seed's rule); "fail": fail the record. */
  onMissing: z.enum(["blank", "fail"]).default("blank"),
});
export type ValueMap = z.infer<typeof ValueMapSchema>;

/** Resolve a reference through another mapping's couplings. */
export const LookupSchema = z.object({
  mapping: MappingNameSchema,
  /** Referenced record not coupled: write blank instead of failing the record. */
  clearOnFailed: z.boolean().optional(),
  /** Never write a blank reference: keep the destination's value instead. */
  notNull: z.boolean().optional(),
  /** The ERP field holds this field of the referenced record (e.g. its `code`) rather than its id. */
  erpKey: z.string().min(1).optional(),
});
export type Lookup = z.infer<typeof LookupSchema>;

export const FieldMappingSchema = z.object({
  /** One side may be absent: the constant is then written into the other. */
  erp: z.string().min(1).optional(),
  crm: z.string().min(1).optional(),
  direction: DirectionSchema,
  enabled: z.boolean().default(true),
  constant: JsonValueSchema.optional(),
  transforms: z.array(TransformSchema).optional(),
  /** Apply the transforms in one flow only (BC's "Transformation Direction"); default: every flow the field carries. */
  transformFlow: FlowSchema.optional(),
  valueMap: ValueMapSchema.optional(),
  lookup: LookupSchema.optional(),
  /** Written only when the destination record is created: generated codes, columns that cannot change later. */
  createOnly: z.boolean().optional(),
});
export type FieldMapping = z.infer<typeof FieldMappingSchema>;
export type FieldMappingInput = z.input<typeof FieldMappingSchema>;

export const SideSchema = z.object({
  entity: z.string().min(1),
  key: z.string().min(1),
  /** Absent for option sets and document lines: those are always compared record by record. */
  modifiedOn: z.string().min(1).optional(),
  filter: FilterAstSchema.optional(),
});
export type MappingSide = z.infer<typeof SideSchema>;

export const ConflictPolicySchema = z.object({
  /** Both sides changed and a bidirectional field differs. "queue": park the record for a person to decide. */
  update: z.enum(["fail", "erp-wins", "crm-wins", "queue"]).default("fail"),
  /** A coupled record's counterpart is gone. */
  delete: z.enum(["fail", "restore", "uncouple"]).default("fail"),
});
export type ConflictPolicy = z.infer<typeof ConflictPolicySchema>;

export const MatchGroupSchema = z.object({
  priority: z.number().int().min(0),
  fields: z
    .array(z.object({ erp: z.string().min(1), crm: z.string().min(1), caseSensitive: z.boolean().default(false) }))
    .min(1, "a match group needs at least one field pair"),
});
export type MatchGroup = z.infer<typeof MatchGroupSchema>;

export const MatchSettingsSchema = z.object({
  groups: z.array(MatchGroupSchema).min(1, "match-based coupling needs at least one group"),
  /** No unique uncoupled match: create the record in the CRM and couple it. */
  createIfNoMatch: z.boolean().default(false),
  /** Synchronize the records just coupled. */
  syncAfterCoupling: z.boolean().default(false),
});
export type MatchSettings = z.infer<typeof MatchSettingsSchema>;

export const ScheduleSchema = z.object({ everyMinutes: z.number().int().min(1).max(1440) });

export const TableMappingSchema = z.object({
  name: MappingNameSchema,
  erp: SideSchema,
  crm: SideSchema,
  direction: DirectionSchema,
  /** false ⇒ uncoupled source records are created in the destination and coupled. */
  syncOnlyCoupled: z.boolean().default(true),
  dependsOn: z.array(MappingNameSchema).default([]),
  /** Document lines: records belong to a record of this mapping and are re-read with it. */
  parent: MappingNameSchema.optional(),
  conflicts: ConflictPolicySchema.default({ update: "fail", delete: "fail" }),
  fields: z.array(FieldMappingSchema),
  match: MatchSettingsSchema.optional(),
  defaultsOnCreate: z
    .object({
      erp: z.record(z.string(), JsonValueSchema).optional(),
      crm: z.record(z.string(), JsonValueSchema).optional(),
    })
    .optional(),
  schedule: ScheduleSchema.optional(),
});
export type TableMapping = z.infer<typeof TableMappingSchema>;
export type TableMappingInput = z.input<typeof TableMappingSchema>;
