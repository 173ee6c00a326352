import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connections } from "./connections";

/** A connection's last outcomes as its connectors saw them (every instance writes here): the dashboard's health. */
export const connectionHealth = pgTable("connection_health", {
  connectionId: uuid("connection_id")
    .primaryKey()
    .references(() => connections.id, { onDelete: "cascade" }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  lastErrorCode: text("last_error_code"),
  lastError: text("last_error"),
  lastThrottledAt: timestamp("last_throttled_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type ConnectionHealth = typeof connectionHealth.$inferSelect;

/**
 * Requests sent per connection and minute (summed over instances): the service-protection budget is counted over
 * the last five of them, from the same counters the connectors' throttling logic keeps.
 */
export const connectionUsage = pgTable(
  "connection_usage",
  {
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    requests: integer("requests").notNull().default(0),
    throttled: integer("throttled").notNull().default(0),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.minute] }), index("connection_usage_minute_idx").on(t.minute)],
);
export type ConnectionUsage = typeof connectionUsage.$inferSelect;
