import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { systemSide } from "./enums";

/** A record of a simulated system: one row per (system, entity set, id), its fields as JSON. */
export const sandboxRecords = pgTable(
  "sandbox_records",
  {
    system: systemSide("system").notNull(),
    entity: text("entity").notNull(),
    id: uuid("id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The change-log sequence of the last write: Dataverse's versionnumber and the ETag's content. */
    version: bigint("version", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    modifiedAt: timestamp("modified_at", { withTimezone: true, precision: 3 }).notNull(),
    /** Dataverse systemuser who last wrote it (_modifiedby_value); Business Central has none. */
    modifiedBy: uuid("modified_by"),
  },
  (t) => [
    primaryKey({ columns: [t.system, t.entity, t.id] }),
    // Watermark queries read by modified-on, then id for a stable order.
    index("sandbox_records_modified_idx").on(t.system, t.entity, t.modifiedAt, t.id),
    // Tandem's Business Central pages keep a create's idempotency key unique per table.
    uniqueIndex("sandbox_records_integration_key_uq")
      .on(t.system, t.entity, sql`(${t.data} ->> 'integrationKey')`)
      .where(sql`${t.data} ? 'integrationKey' and ${t.data} ->> 'integrationKey' <> ''`),
  ],
);

/** Every write and delete, in order: Dataverse change tracking reads it through delta tokens. */
export const sandboxChanges = pgTable(
  "sandbox_changes",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    system: systemSide("system").notNull(),
    entity: text("entity").notNull(),
    recordId: uuid("record_id").notNull(),
    kind: text("kind", { enum: ["upsert", "delete"] }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index("sandbox_changes_entity_seq_idx").on(t.system, t.entity, t.seq)],
);

/** Access tokens issued by the sandbox token endpoint; only a hash is kept. */
export const sandboxTokens = pgTable("sandbox_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  system: systemSide("system").notNull(),
  clientId: text("client_id").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Per simulated system: credentials, limits and fault injection (see lib/sandbox/sandbox-settings.ts). */
export const sandboxSettings = pgTable("sandbox_settings", {
  system: systemSide("system").primaryKey(),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
