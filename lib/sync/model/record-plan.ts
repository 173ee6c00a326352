import type { ConnectorRecord } from "@/lib/connectors/connector";
import type { FieldChange } from "../decide/transfer-fields";
import type { CouplingState } from "./coupling-state";
import type { RecordError } from "./sync-error-codes";

/** How a conflict was settled, for the conflict log: nothing a policy overwrites is lost silently. */
export type ConflictOutcome = {
  kind: "update" | "deletion";
  resolution: "erp-wins" | "crm-wins" | "queued" | "failed" | "restored" | "uncoupled";
  changes: FieldChange[];
};

/**
 * What the engine will do with one source record in one pass (BC's SynchRecord actions, §4.4). Decided without I/O;
 * the write stage carries it out.
 */
export type RecordPlan =
  | { action: "ignore"; reason: string }
  | { action: "skip"; reason: string; conflict?: ConflictOutcome }
  | { action: "unchanged"; bothModified: boolean }
  | {
      action: "insert";
      values: Record<string, unknown>;
      changes: FieldChange[];
      restoredFrom?: CouplingState;
      conflict?: ConflictOutcome;
    }
  | {
      action: "modify";
      values: Record<string, unknown>;
      changes: FieldChange[];
      bothModified: boolean;
      conflict?: ConflictOutcome;
    }
  | { action: "uncouple"; conflict: ConflictOutcome }
  | { action: "fail"; error: RecordError; attempted?: Record<string, unknown>; conflict?: ConflictOutcome };

/** A source record with what the engine knows of it when deciding. */
export type RecordCase = {
  source: ConnectorRecord;
  coupling: CouplingState | null;
  /** The coupled destination as read now; null when uncoupled or when the coupled record is gone. */
  destination: ConnectorRecord | null;
  /** Coupled, but the destination no longer exists. */
  destinationMissing: boolean;
  /** Picked by retry-first: its last pass failed. */
  retry: boolean;
};
