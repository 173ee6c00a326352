import { AppError } from "@/lib/errors";
import { sourceSide, type Flow, type Side } from "@/lib/mapping/model/direction";
import type { FieldMapping, TableMapping } from "@/lib/mapping/model/table-mapping";
import type { FieldChange } from "../decide/transfer-fields";

/** One side wins every two-way field, or each differing two-way field (by its key) gets its side. */
export type ConflictDecision = { winner: Side } | { fields: Record<string, Side> };

/** A differing field of a parked conflict with the value of each side as the parking pass saw them. */
export type ConflictField = {
  key: string;
  erpField: string | null;
  crmField: string | null;
  erpValue: unknown;
  crmValue: unknown;
  bidirectional: boolean;
};

/** A field mapping's stable name in decisions: its ERP and CRM field names. */
export const fieldKey = (field: { erp?: string | null; crm?: string | null }) =>
  `${field.erp ?? ""}:${field.crm ?? ""}`;

/**
 * The flow of the pass that parked a conflict: its job's direction, or, when the job is gone, the side its differing
 * fields were written to.
 */
export function parkedFlow(mapping: TableMapping, jobDirection: string | null, changes: FieldChange[]): Flow {
  if (jobDirection === "erp-to-crm" || jobDirection === "crm-to-erp") return jobDirection;
  return mapping.fields.some((f) => f.crm && f.crm === changes[0]?.field) ? "erp-to-crm" : "crm-to-erp";
}

/**
 * The differing fields of a conflict, from the changes of the pass that parked it: `before` is the value already in
 * its destination, `after` the source's value as that pass would have written it.
 */
export function conflictFields(mapping: TableMapping, flow: Flow, changes: FieldChange[]): ConflictField[] {
  const from = sourceSide(flow);
  const into = from === "erp" ? "crm" : "erp";
  return changes.map((change) => {
    const mapped = mapping.fields.find(
      (f) => f[into] === change.field && (change.sourceField === null || f[from] === change.sourceField),
    );
    const erpField = (into === "erp" ? change.field : change.sourceField) ?? mapped?.erp ?? null;
    const crmField = (into === "crm" ? change.field : change.sourceField) ?? mapped?.crm ?? null;
    return {
      key: fieldKey({ erp: erpField, crm: crmField }),
      erpField,
      crmField,
      erpValue: into === "erp" ? change.before : change.after,
      crmValue: into === "crm" ? change.before : change.after,
      bidirectional: change.bidirectional,
    };
  });
}

/** The side each differing two-way field was decided for; every one must be decided, and nothing else named. */
export function decidedSides(fields: ConflictField[], decision: ConflictDecision): Map<string, Side> {
  const twoWay = fields.filter((f) => f.bidirectional);
  if ("winner" in decision) return new Map(twoWay.map((f) => [f.key, decision.winner]));
  const unknown = Object.keys(decision.fields).filter((key) => !twoWay.some((f) => f.key === key));
  if (unknown.length)
    throw new AppError("VALIDATION_FAILED", `Not a differing two-way field of this conflict: ${unknown.join(", ")}.`);
  const open = twoWay.filter((f) => !decision.fields[f.key]);
  if (open.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Choose a side for every differing field; not decided: ${open.map((f) => f.crmField ?? f.erpField).join(", ")}.`,
    );
  return new Map(twoWay.map((f) => [f.key, decision.fields[f.key]!]));
}

/**
 * The mapping as the decision's pass in `flow` runs it: the two-way fields decided for its source side and its own
 * one-way fields (a person's change to one of those is not lost to the other side's win); every other field is
 * switched off. Null when that pass has nothing to write.
 */
export function narrowToDecision(mapping: TableMapping, sides: Map<string, Side>, flow: Flow): TableMapping | null {
  const from = sourceSide(flow);
  const keep = (f: FieldMapping) => {
    if (!f.enabled) return false;
    if (f.direction === flow) return true;
    return f.direction === "bidirectional" && sides.get(fieldKey(f)) === from;
  };
  const decidedHere = [...sides.values()].some((side) => side === from);
  if (!decidedHere && !mapping.fields.some((f) => f.enabled && f.direction === flow)) return null;
  return { ...mapping, fields: mapping.fields.map((f) => (keep(f) ? f : { ...f, enabled: false })) };
}
