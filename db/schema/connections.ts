import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectionKind, systemSide } from "./enums";

export const connections = pgTable("connections", {
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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Connection = typeof connections.$inferSelect;
