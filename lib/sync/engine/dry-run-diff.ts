import { targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { PlannedRecord } from "./plan-page";

export type DiffAction = "create" | "update" | "unchanged" | "conflict" | "error" | "skip" | "ignore" | "uncouple";

/** One record of a dry run: what would happen, field by field, and the coupling it would use. */
export type DiffEntry = {
  sourceId: string;
  destinationId: string | null;
  couplingId: string | null;
  action: DiffAction;
  changes: { field: string; before: unknown; after: unknown; bidirectional: boolean }[];
  message?: string;
  code?: string;
};

export function diffEntry(item: PlannedRecord, flow: Flow): DiffEntry {
  const { plan, record } = item;
  const into = targetSide(flow);
  const coupling = record.coupling;
  const base = {
    sourceId: record.source.id,
    destinationId: coupling ? (into === "erp" ? coupling.erpId : coupling.crmId) : null,
    couplingId: coupling?.id || null,
    changes: [],
  };
  const changes = (list: { field: string; before: unknown; after: unknown; bidirectional: boolean }[]) =>
    list.map(({ field, before, after, bidirectional }) => ({ field, before, after, bidirectional }));
  switch (plan.action) {
    case "insert":
      return {
        ...base,
        action: "create",
        changes: changes(plan.changes),
        ...(plan.restoredFrom ? { message: "The coupled record was deleted; it would be created again." } : {}),
      };
    case "modify":
      return {
        ...base,
        action: plan.conflict ? "conflict" : "update",
        changes: changes(plan.changes),
        ...(plan.conflict ? { message: `Both records changed; resolved as ${plan.conflict.resolution}.` } : {}),
      };
    case "unchanged":
      return { ...base, action: "unchanged" };
    case "fail":
      return {
        ...base,
        action: plan.conflict ? "conflict" : "error",
        code: plan.error.code,
        message: plan.error.message,
        changes: changes(plan.conflict?.changes ?? []),
      };
    case "skip":
      return {
        ...base,
        action: plan.conflict ? "conflict" : "skip",
        message: plan.reason,
        changes: changes(plan.conflict?.changes ?? []),
      };
    case "ignore":
      return { ...base, action: "ignore", message: plan.reason };
    case "uncouple":
      return { ...base, action: "uncouple", message: "The coupled record was deleted; the coupling would be removed." };
  }
}
