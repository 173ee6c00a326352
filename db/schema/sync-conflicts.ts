import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectionPairs } from "./connections";
import { users } from "./users";

/**
 * Conflicts the engine met and how they were settled: a policy that lets one side win still records what it
 * overwrote, and a queued conflict waits here for a person. Nothing a conflict touches is lost silently.
 */
export const syncConflicts = pgTable(
  "sync_conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id"),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    /** update | deletion */
    kind: text("kind").notNull(),
    erpId: text("erp_id").notNull(),
    crmId: text("crm_id").notNull(),
    /** erp-wins | crm-wins | queued | failed | restored | uncoupled */
    resolution: text("resolution").notNull(),
    /** The differing fields: destination field, its value before, the incoming value, whether two-way. */
    changes: jsonb("changes").$type<unknown[]>().notNull(),
    /** open (queued, waiting for a person) | closed */
    status: text("status").notNull().default("closed"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sync_conflicts_pair_mapping_status_idx").on(t.pairId, t.mappingName, t.status),
    index("sync_conflicts_job_idx").on(t.jobId),
  ],
);
export type SyncConflict = typeof syncConflicts.$inferSelect;
