import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** What an admin switches per mapping on the Table mappings page, apart from the published config: its schedule. */
export const mappingSettings = pgTable("mapping_settings", {
  mappingName: text("mapping_name").primaryKey(),
  scheduleEnabled: boolean("schedule_enabled").notNull().default(true),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
