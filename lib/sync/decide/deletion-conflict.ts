import { targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { RecordCase, RecordPlan } from "../model/record-plan";

/**
 * A coupled source whose destination is gone (§4.8). Deletes are never propagated; the mapping's policy decides:
 * fail (the coupling keeps failing until someone acts), restore (create the destination again and re-couple) or
 * uncouple (drop the coupling; the record is created again later only if the mapping creates uncoupled records).
 * `destinationName`: the destination system's name for the message (its connector's display name).
 */
export async function decideDeletionConflict(
  mapping: TableMapping,
  flow: Flow,
  record: RecordCase,
  recreate: () => Promise<RecordPlan>,
  destinationName: string = targetSide(flow).toUpperCase(),
): Promise<RecordPlan> {
  switch (mapping.conflicts.delete) {
    case "uncouple":
      return { action: "uncouple", conflict: { kind: "deletion", resolution: "uncoupled", changes: [] } };
    case "restore": {
      const plan = await recreate();
      if (plan.action !== "insert") return plan;
      return {
        ...plan,
        restoredFrom: record.coupling!,
        conflict: { kind: "deletion", resolution: "restored", changes: plan.changes },
      };
    }
    case "fail":
      return {
        action: "fail",
        error: {
          code: "DELETION_CONFLICT",
          message: `The ${mapping.name} record ${record.source.id} cannot be updated because it is coupled to a deleted ${destinationName} record.`,
        },
        conflict: { kind: "deletion", resolution: "failed", changes: [] },
      };
  }
}
