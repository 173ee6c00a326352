import { z } from "zod";
import { DirectionSchema, FlowSchema } from "../model/direction";
import { FilterAstSchema } from "../model/filter";
import { JsonValueSchema } from "../model/json-value";
import {
  ConflictPolicySchema,
  LookupSchema,
  MappingNameSchema,
  MatchSettingsSchema,
  ScheduleSchema,
  ValueMapSchema,
} from "../model/table-mapping";
import { TransformSchema } from "../model/transform";

export const GRAPH_SCHEMA_VERSION = 1;

const Position = z.object({ x: z.number(), y: z.number() });
const NodeBase = { id: z.string().min(1), position: Position };
const SideName = z.enum(["erp", "crm"]);

/** An entity of one system on the canvas; its fields are the handles field edges attach to. */
export const EntityNodeSchema = z.object({
  ...NodeBase,
  type: z.literal("entity"),
  data: z.object({
    system: SideName,
    entity: z.string().min(1),
    key: z.string().min(1),
    modifiedOn: z.string().min(1).optional(),
  }),
});

/** A table mapping: the settings of one entity pair, pointing at its two entity nodes. */
export const TableMappingNodeSchema = z.object({
  ...NodeBase,
  type: z.literal("table-mapping"),
  data: z.object({
    name: MappingNameSchema,
    erpNode: z.string().min(1),
    crmNode: z.string().min(1),
    direction: DirectionSchema,
    syncOnlyCoupled: z.boolean().default(true),
    parent: MappingNameSchema.optional(),
    conflicts: ConflictPolicySchema.default({ update: "fail", delete: "fail" }),
    match: MatchSettingsSchema.optional(),
    defaultsOnCreate: z
      .object({
        erp: z.record(z.string(), JsonValueSchema).optional(),
        crm: z.record(z.string(), JsonValueSchema).optional(),
      })
      .optional(),
    schedule: ScheduleSchema.optional(),
  }),
});

/** A filter on one side of a table mapping; several on one side are combined with "and". */
export const FilterNodeSchema = z.object({
  ...NodeBase,
  type: z.literal("filter"),
  data: z.object({ mapping: z.string().min(1), side: SideName, filter: FilterAstSchema }),
});

/** A constant value; a field edge from it writes the value into one field. */
export const ConstantNodeSchema = z.object({
  ...NodeBase,
  type: z.literal("constant"),
  data: z.object({ mapping: z.string().min(1), value: JsonValueSchema }),
});

export const GraphNodeSchema = z.discriminatedUnion("type", [
  EntityNodeSchema,
  TableMappingNodeSchema,
  FilterNodeSchema,
  ConstantNodeSchema,
]);

/** Field handle to field handle (or constant to field), owned by one table mapping node. */
export const FieldEdgeSchema = z.object({
  id: z.string().min(1),
  type: z.literal("field"),
  source: z.string().min(1),
  sourceHandle: z.string().nullish(),
  target: z.string().min(1),
  targetHandle: z.string().nullish(),
  data: z.object({
    mapping: z.string().min(1),
    direction: DirectionSchema,
    enabled: z.boolean().default(true),
    transforms: z.array(TransformSchema).optional(),
    transformFlow: FlowSchema.optional(),
    valueMap: ValueMapSchema.optional(),
    lookup: LookupSchema.optional(),
    createOnly: z.boolean().optional(),
  }),
});

/** `source` must finish before `target` (both table mapping nodes). */
export const DependencyEdgeSchema = z.object({
  id: z.string().min(1),
  type: z.literal("dependency"),
  source: z.string().min(1),
  target: z.string().min(1),
});

export const GraphEdgeSchema = z.discriminatedUnion("type", [FieldEdgeSchema, DependencyEdgeSchema]);

/** What the designer edits and saves. Positions and anything unknown to these schemas stay out of the model. */
export const MappingGraphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});

export type EntityNode = z.infer<typeof EntityNodeSchema>;
export type TableMappingNode = z.infer<typeof TableMappingNodeSchema>;
export type FilterNode = z.infer<typeof FilterNodeSchema>;
export type ConstantNode = z.infer<typeof ConstantNodeSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type FieldEdge = z.infer<typeof FieldEdgeSchema>;
export type DependencyEdge = z.infer<typeof DependencyEdgeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type MappingGraph = z.infer<typeof MappingGraphSchema>;
export type MappingGraphInput = z.input<typeof MappingGraphSchema>;
