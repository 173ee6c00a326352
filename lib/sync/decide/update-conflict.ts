import type { Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { RecordPlan } from "../model/record-plan";
import type { FieldChange } from "./transfer-fields";

/**
 * Both records changed since the last sync and a bidirectional field differs (§4.7). The mapping's policy settles it:
 * fail (an error; retried, then skipped if it repeats), one side wins (its pass writes, the other pass skips),
 * or queue (the record waits for a person; nothing is written).
 */
export function decideUpdateConflict(
  mapping: TableMapping,
  flow: Flow,
  changes: FieldChange[],
  values: Record<string, unknown>,
): RecordPlan {
  const policy = mapping.conflicts.update;
  const first = changes.find((change) => change.bidirectional)!;
  switch (policy) {
    case "erp-wins":
    case "crm-wins": {
      const winningFlow: Flow = policy === "erp-wins" ? "erp-to-crm" : "crm-to-erp";
      if (flow === winningFlow)
        return {
          action: "modify",
          values,
          changes,
          bothModified: true,
          conflict: { kind: "update", resolution: policy, changes },
        };
      return {
        action: "skip",
        reason: `Both records changed; the mapping's policy lets the ${policy === "erp-wins" ? "ERP" : "CRM"} record win.`,
      };
    }
    case "queue":
      return {
        action: "skip",
        reason: "Both records changed; the conflict waits for a person to decide.",
        conflict: { kind: "update", resolution: "queued", changes },
      };
    case "fail":
      return {
        action: "fail",
        error: {
          code: "UPDATE_CONFLICT",
          message: `Cannot update the ${mapping.name} record: the mapping between ${first.sourceField ?? "a constant"} and ${first.field} is bidirectional, and one or both values have changed since the last synchronization.`,
        },
        conflict: { kind: "update", resolution: "failed", changes },
      };
  }
}
