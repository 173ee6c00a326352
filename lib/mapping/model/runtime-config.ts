import { z } from "zod";
import { TableMappingSchema } from "./table-mapping";

export const RUNTIME_CONFIG_SCHEMA_VERSION = 1;

/** What the engine runs: compiled, validated, mappings in dependency order; `version` is the content hash. */
export const RuntimeConfigSchema = z.object({
  schemaVersion: z.literal(RUNTIME_CONFIG_SCHEMA_VERSION),
  version: z.string().regex(/^[0-9a-f]{64}$/, "version must be a SHA-256 content hash"),
  mappings: z.array(TableMappingSchema),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

/** The model: table mappings in any order, before validation and compilation. */
export type MappingModel = { mappings: z.infer<typeof TableMappingSchema>[] };
