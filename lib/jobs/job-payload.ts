import { z } from "zod";
import { FlowSchema } from "@/lib/mapping/model/direction";

/** Work on the sync queue; each kind runs one table mapping, so the queue key is the mapping. */
export const SyncJobPayloadSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("run-mapping"),
    mapping: z.string().min(1),
    /** "approved": an admin approved a held run; it runs once with the guard lifted. */
    trigger: z.enum(["schedule", "manual", "retry", "approved"]),
    mode: z.enum(["incremental", "full"]).default("incremental"),
    direction: FlowSchema.optional(),
    guard: z.enum(["on", "override"]).default("on"),
    startedBy: z.string().uuid().nullable().default(null),
  }),
  z.object({
    kind: z.literal("full-sync-line"),
    runId: z.string().uuid(),
    mapping: z.string().min(1),
    startedBy: z.string().uuid().nullable().default(null),
  }),
]);
export type SyncJobPayload = z.infer<typeof SyncJobPayloadSchema>;
export type SyncJobPayloadInput = z.input<typeof SyncJobPayloadSchema>;

/** One queued-or-running job per mapping (pg-boss "exclusive" per key); full-sync lines are keyed by their run. */
export function singletonKey(payload: SyncJobPayload): string {
  return payload.kind === "run-mapping" ? `mapping:${payload.mapping}` : `full:${payload.runId}:${payload.mapping}`;
}
