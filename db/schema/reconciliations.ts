import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectionPairs } from "./connections";
import { users } from "./users";

export const RECONCILIATION_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/** Counts of one reconciliation, with a sample of ids of each kind (drifted samples name the fields that differ). */
export type ReconciliationReport = {
  erpInFilter: number;
  crmInFilter: number;
  coupled: number;
  uncoupledErp: number;
  uncoupledCrm: number;
  vanished: number;
  drifted: number;
  /** Coupled pairs that cannot be compared: a lookup or transform of the mapping fails on them (as a sync would). */
  unresolved: number;
  samples: {
    /** Ids with the record's name (its entity's primary name field), where it has one. */
    uncoupledErp: { id: string; name?: string }[];
    uncoupledCrm: { id: string; name?: string }[];
    vanished: { couplingId: string; erpId: string; crmId: string; missing: "erp" | "crm" | "both" }[];
    drifted: { couplingId: string; erpId: string; crmId: string; name?: string; fields: string[] }[];
    unresolved: { couplingId: string; erpId: string; crmId: string; name?: string; code: string; message: string }[];
  };
  /** Set when an admin synchronized the drifted pairs from this report. */
  synchronized?: { at: string; by: string; direction: string; pairs: number; jobIds: string[] };
};

/** A read-only comparison of both systems under one mapping, run as a background job; it never writes. */
export const reconciliations = pgTable(
  "reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    status: text("status").$type<ReconciliationStatus>().notNull().default("queued"),
    configVersion: text("config_version"),
    /** Records read so far on each side and how many each side has in the filter: the progress bar. */
    readErp: integer("read_erp").notNull().default(0),
    readCrm: integer("read_crm").notNull().default(0),
    expected: integer("expected"),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    report: jsonb("report").$type<ReconciliationReport>(),
    /** The ERP ids of every drifted pair (the report keeps a sample): what "synchronize these" synchronizes. */
    driftedErpIds: jsonb("drifted_erp_ids").$type<string[]>(),
    message: text("message"),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("reconciliations_pair_mapping_created_idx").on(t.pairId, t.mappingName, t.createdAt)],
);
export type Reconciliation = typeof reconciliations.$inferSelect;
