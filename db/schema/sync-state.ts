import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectionPairs } from "./connections";
import { syncDirection } from "./enums";
import { users } from "./users";

/** Per table mapping and pass: the highest source modified-on handled, and (Dataverse) the delta link. */
export const syncWatermarks = pgTable(
  "sync_watermarks",
  {
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    direction: syncDirection("direction").notNull(),
    watermark: timestamp("watermark", { withTimezone: true, precision: 3 }),
    deltaToken: text("delta_token"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pairId, t.mappingName, t.direction] })],
);

/**
 * A create about to happen in a system that picks its own ids (Business Central): written before the create, so a run
 * that dies between "created" and "coupled" can find the record again instead of creating it twice.
 */
export const couplingIntents = pgTable(
  "coupling_intents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    direction: syncDirection("direction").notNull(),
    sourceId: text("source_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("coupling_intents_pair_mapping_idx").on(t.pairId, t.mappingName, t.direction)],
);

/** One run per table mapping at a time, across processes: a lease renewed while the run lives. */
export const mappingLeases = pgTable("mapping_leases", {
  mappingName: text("mapping_name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** A full synchronization: every mapping in dependency order (BC's CRM Full Synch. Review). */
export const fullSyncRuns = pgTable("full_sync_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  pairId: uuid("pair_id")
    .notNull()
    .references(() => connectionPairs.id, { onDelete: "restrict" }),
  status: text("status").notNull().default("running"),
  configVersion: text("config_version").notNull(),
  startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const fullSyncLines = pgTable(
  "full_sync_lines",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => fullSyncRuns.id, { onDelete: "cascade" }),
    mappingName: text("mapping_name").notNull(),
    position: integer("position").notNull(),
    dependsOn: jsonb("depends_on").$type<string[]>().notNull(),
    /** full | couple | none */
    recommendation: text("recommendation").notNull(),
    /** pending | running | finished | failed | skipped */
    status: text("status").notNull().default("pending"),
    erpToCrmJobId: uuid("erp_to_crm_job_id"),
    crmToErpJobId: uuid("crm_to_erp_job_id"),
    message: text("message"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.mappingName] })],
);
