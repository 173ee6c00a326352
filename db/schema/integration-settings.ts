import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** The integration's own settings (BC's Connection Setup): one row, id 1. */
export const integrationSettings = pgTable("integration_settings", {
  id: integer("id").primaryKey().default(1),
  itemAvailability: boolean("item_availability").notNull().default(false),
  /** SHA-256 of the availability API key: the key itself is shown once, when it is made. */
  availabilityKeyHash: text("availability_key_hash"),
  availabilityKeyCreatedAt: timestamp("availability_key_created_at", { withTimezone: true }),
  salesOrderIntegration: boolean("sales_order_integration").notNull().default(false),
  autoCreateSalesOrders: boolean("auto_create_sales_orders").notNull().default(false),
  autoProcessQuotes: boolean("auto_process_quotes").notNull().default(false),
  /** item | resource: what a CRM write-in product line becomes in the ERP. */
  writeInProductType: text("write_in_product_type").notNull().default("item"),
  writeInProductNo: text("write_in_product_no"),
  /** Minutes between runs of mappings that have no schedule of their own; null: those run only when started. */
  defaultScheduleMinutes: integer("default_schedule_minutes"),
  /** Outgoing notifications: a JSON POST to this URL, signed with the secret (secret-box envelope) when one is set. */
  webhookUrl: text("webhook_url"),
  webhookSecretEncrypted: text("webhook_secret_encrypted"),
  /** A job that skips more records than this sends a "skipped.threshold" notification. */
  skippedThreshold: integer("skipped_threshold").notNull().default(10),
  /** Jobs without failures older than this many days are deleted by the daily retention job. */
  retentionDays: integer("retention_days").notNull().default(30),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type IntegrationSettings = typeof integrationSettings.$inferSelect;
