import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const NOTIFICATION_EVENTS = ["job.failed", "run.held", "connection.failing", "skipped.threshold"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export type DeliveryStatus = "pending" | "delivered" | "failed";

/** One outgoing webhook notification: queued, retried with backoff, given up after a bounded number of attempts. */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    event: text("event").$type<NotificationEvent>().notNull(),
    /** What it is about (a job id, a connection id and when it began failing): one notification per event and subject. */
    subject: text("subject").notNull(),
    url: text("url").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_deliveries_created_idx").on(t.createdAt),
    uniqueIndex("notification_deliveries_event_subject_uq").on(t.event, t.subject),
  ],
);
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;

/** Every attempt to deliver a notification, with the receiver's answer or the error. */
export const notificationAttempts = pgTable(
  "notification_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);
export type NotificationAttempt = typeof notificationAttempts.$inferSelect;
