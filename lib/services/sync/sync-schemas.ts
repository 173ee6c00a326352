import { z } from "zod";
import { FlowSchema } from "@/lib/mapping/model/direction";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";

const Id = z.string().trim().min(1, "an id is required").max(200);
const Side = z.enum(["erp", "crm"], { message: "side must be erp or crm" });
const Ids = z.array(Id).min(1, "pick at least one record").max(1000, "at most 1,000 records at a time");

export const RunMappingInput = z.object({
  mapping: MappingNameSchema,
  direction: FlowSchema.optional(),
  full: z.boolean().default(false),
});
export const DryRunInput = z.object({
  mapping: MappingNameSchema,
  direction: FlowSchema.optional(),
  full: z.boolean().default(false),
  records: z.object({ side: Side, ids: Ids }).optional(),
});
export const SetUpCouplingInput = z.object({
  mapping: MappingNameSchema,
  erpId: Id,
  crmId: Id,
  syncAfter: FlowSchema.optional(),
});
export const RecordsInput = z.object({ mapping: MappingNameSchema, side: Side, ids: Ids });
export const SyncNowInput = RecordsInput.extend({ direction: z.enum(["erp-to-crm", "crm-to-erp", "merge"]) });
export const MatchCouplingInput = z.object({
  mapping: MappingNameSchema,
  erpIds: Ids.optional(),
  createIfNoMatch: z.boolean().optional(),
  syncAfter: z.boolean().optional(),
});
export const MatchPreviewInput = MatchCouplingInput.pick({ mapping: true, erpIds: true });
export const RestoreSkippedInput = z
  .object({ mapping: MappingNameSchema, side: Side.optional(), ids: Ids.optional() })
  .refine((v) => Boolean(v.side) === Boolean(v.ids), "give both side and ids, or neither to restore all");
export const JobInput = z.object({ jobId: z.string().uuid("not a job id") });
/** Retry all of a job's errors, one root cause (code, and field: "" for none), or chosen error rows. */
export const RetryErrorsInput = JobInput.extend({
  code: z.string().trim().min(1).max(60).optional(),
  field: z.string().trim().max(200).optional(),
  errorIds: z.array(z.number().int().positive()).min(1, "pick at least one error").max(1000).optional(),
});
export const FullSyncRunInput = z.object({ runId: z.string().uuid("not a full synchronization id") });
/** One side wins every two-way field (`winner`), or each differing field gets its side (`fields`, by field key). */
export const ResolveConflictInput = z.union(
  [
    z.object({ conflictId: z.string().uuid("not a conflict id"), winner: Side }).strict(),
    z
      .object({
        conflictId: z.string().uuid("not a conflict id"),
        fields: z.record(z.string().min(1).max(300), Side).refine((f) => Object.keys(f).length > 0, "choose a side"),
      })
      .strict(),
  ],
  { message: "decide with a winning side or a side per field" },
);
export const RunInProcessInput = RunMappingInput.extend({ overrideGuard: z.boolean().default(false) });
