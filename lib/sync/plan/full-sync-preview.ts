import { flowsOf, sourceSide, type Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { Recommendation } from "./full-sync-plan";
import { createsOnNoMatch } from "./match-records";

/** One side a preview reads: its uncoupled records within the filter, matched against the other side or not. */
export type PreviewRead = { side: Side; match: boolean };

/**
 * What a line reads, in the order its run would: coupling reads the ERP records (§3.3 iterates local records); a full
 * synchronization each flow the mapping carries. Its second pass (CRM → ERP after ERP → CRM) finds every ERP record
 * within the filter already coupled by the first, by match or to the record it created, so nothing is left to match.
 */
export function previewReads(mapping: TableMapping, recommendation: Recommendation): PreviewRead[] {
  if (recommendation === "none") return [];
  if (recommendation === "couple") return [{ side: "erp", match: true }];
  return flowsOf(mapping.direction).map((flow, index) => ({ side: sourceSide(flow), match: index === 0 }));
}

/** Of one side's uncoupled records (those a previous read of the line did not claim): how many have a unique match. */
export type SideTally = { uncoupled: number; matched: number };

export type LinePreview = {
  mapping: string;
  recommendation: Recommendation;
  couple: number;
  createInCrm: number;
  createInErp: number;
  unmatched: number;
};

/** What a line would do with the records the preview counted: couple, create on either side, or fail as unmatched. */
export function previewLine(
  mapping: TableMapping,
  recommendation: Recommendation,
  tallies: Partial<Record<Side, SideTally>>,
): LinePreview {
  const line: LinePreview = {
    mapping: mapping.name,
    recommendation,
    couple: 0,
    createInCrm: 0,
    createInErp: 0,
    unmatched: 0,
  };
  const reads = previewReads(mapping, recommendation);
  const tally = (side: Side): SideTally =>
    reads.some((r) => r.side === side) ? (tallies[side] ?? { uncoupled: 0, matched: 0 }) : { uncoupled: 0, matched: 0 };
  const erp = tally("erp");
  const crm = tally("crm");
  if (recommendation === "couple") {
    const rest = erp.uncoupled - erp.matched;
    return {
      ...line,
      couple: erp.matched,
      ...(createsOnNoMatch(mapping) ? { createInCrm: rest } : { unmatched: rest }),
    };
  }
  return {
    ...line,
    couple: erp.matched + crm.matched,
    createInCrm: erp.uncoupled - erp.matched,
    createInErp: crm.uncoupled - crm.matched,
  };
}
