import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectionPairs } from "./connections";
import { syncDirection, syncJobStatus, syncJobType } from "./enums";
import { users } from "./users";

/** What the mass-change guard counted when it held a run, and what an admin then decided. */
export type JobHold = {
  /** Coupled records the run would uncouple, restore or overwrite (counted until the limit was passed). */
  planned: number;
  coupledTotal: number;
  /** planned / coupledTotal. */
  share: number;
  /** The allowed share and the most changes that were allowed. */
  maxShare: number;
  limit: number;
  decision?: { outcome: "approved" | "discarded"; by: string; at: string; queuedRunId?: string | null };
};

export const syncJobs = pgTable(
  "sync_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    direction: syncDirection("direction").notNull(),
    type: syncJobType("type").notNull().default("synchronization"),
    status: syncJobStatus("status").notNull().default("queued"),
    configVersion: text("config_version"),
    /** "schedule", "manual", "full-sync", "sync-now", "cli", … */
    trigger: text("trigger").notNull(),
    /** incremental | full | one-off | coupling */
    mode: text("mode").notNull().default("incremental"),
    /** A run that died leaves its job "running"; the next run marks it interrupted. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    inserted: integer("inserted").notNull().default(0),
    modified: integer("modified").notNull().default(0),
    deleted: integer("deleted").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    coupled: integer("coupled").notNull().default(0),
    uncoupled: integer("uncoupled").notNull().default(0),
    /** Records a full pass expects to read (the source's count when it started, maybe an estimate): its progress. */
    expected: integer("expected"),
    message: text("message"),
    /** Set when the mass-change guard held the run; the schedule of its mapping waits while the status is "held". */
    hold: jsonb("hold").$type<JobHold>(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  // Job history is read per mapping, newest first; the table only grows.
  // The scheduler asks every minute which mappings have a held run.
  (t) => [
    index("sync_jobs_mapping_created_idx").on(t.mappingName, t.createdAt),
    index("sync_jobs_pair_created_idx").on(t.pairId, t.createdAt),
    index("sync_jobs_created_idx").on(t.createdAt),
    index("sync_jobs_status_idx").on(t.status),
  ],
);
export type SyncJob = typeof syncJobs.$inferSelect;

export const syncJobErrors = pgTable(
  "sync_job_errors",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => syncJobs.id, { onDelete: "cascade" }),
    sourceId: text("source_id"),
    destinationId: text("destination_id"),
    /** A stable code: LOOKUP_NOT_COUPLED, UPDATE_CONFLICT, DELETION_CONFLICT, WRITE_FAILED, TRANSFORM_FAILED, … */
    code: text("code").notNull().default("FAILED"),
    /** The destination field the error names (lookups, value maps, transforms): with the code, its root cause. */
    field: text("field"),
    message: text("message").notNull(),
    detail: text("detail"),
    payload: jsonb("payload").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A job's errors are read by root cause (code, field) and paged by id.
  (t) => [index("sync_job_errors_job_cause_idx").on(t.jobId, t.code, t.field, t.id)],
);
export type SyncJobError = typeof syncJobErrors.$inferSelect;
