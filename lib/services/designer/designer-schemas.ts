import { z } from "zod";
import { GRAPH_SCHEMA_VERSION } from "@/lib/mapping/graph/graph";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";
import { DRAFT_LIMIT_BYTES } from "@/lib/server/action-body-limit";

/** Drafts may be half-drawn: only the envelope is checked here; the mapping core reports the rest as diagnostics. */
const LooseNode = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().max(40),
  position: z.object({ x: z.number(), y: z.number() }),
});
const LooseEdge = z.looseObject({
  id: z.string().min(1).max(400),
  type: z.string().max(40),
  source: z.string().max(200),
  target: z.string().max(200),
});
export const DraftGraphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(LooseNode).max(5_000, "A canvas holds at most 5,000 nodes"),
  edges: z.array(LooseEdge).max(50_000, "A canvas holds at most 50,000 edges"),
});

const Hash = z.string().regex(/^[0-9a-f]{64}$/, "a content hash is 64 hex digits");

export const SaveDraftInput = z.object({ graph: z.unknown(), baseHash: Hash.nullable() });
export const PublishInput = z.object({ draftHash: Hash, note: z.string().trim().max(500).optional() });
export const VersionInput = z.object({ number: z.number().int().min(1) });
export const SearchRecordsInput = z.object({
  side: z.enum(["erp", "crm"]),
  entity: z.string().min(1).max(100),
  query: z.string().trim().max(100).default(""),
});
export const PreviewRecordInput = z.object({
  graph: z.unknown(),
  mapping: MappingNameSchema,
  side: z.enum(["erp", "crm"]),
  recordId: z.string().min(1).max(100),
});

/** Draft text (UTF-8 bytes) beyond this is refused before it is parsed: a canvas is never this big. */
export const MAX_DRAFT_BYTES = DRAFT_LIMIT_BYTES;
