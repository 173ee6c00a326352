import { sql } from "drizzle-orm";
import { boolean, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connectionKind, systemSide } from "./enums";

export const connections = pgTable(
  "connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    system: systemSide("system").notNull(),
    kind: connectionKind("kind").notNull(),
    baseUrl: text("base_url").notNull(),
    tokenUrl: text("token_url"),
    clientId: text("client_id"),
    /** AES-256-GCM envelope from lib/crypto/secret-box; never selected into anything sent to a browser. */
    clientSecretEncrypted: text("client_secret_encrypted"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** The connection each side syncs through: one per system. */
    active: boolean("active").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("connections_active_uq")
      .on(t.system)
      .where(sql`${t.active}`),
  ],
);
export type Connection = typeof connections.$inferSelect;

/**
 * An ERP connection and a CRM connection synchronized together. Couplings, watermarks, intents, jobs and conflicts
 * belong to a pair: another tenant never reuses the couplings of the old one, which stay under the old pair.
 */
export const connectionPairs = pgTable(
  "connection_pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    erpConnectionId: uuid("erp_connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "restrict" }),
    crmConnectionId: uuid("crm_connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("connection_pairs_uq").on(t.erpConnectionId, t.crmConnectionId)],
);
export type ConnectionPair = typeof connectionPairs.$inferSelect;
