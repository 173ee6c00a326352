import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { mappingVersionStatus } from "./enums";
import { users } from "./users";

export const mappingVersions = pgTable(
  "mapping_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull(),
    status: mappingVersionStatus("status").notNull(),
    graph: jsonb("graph").$type<unknown>().notNull(),
    /** Null while a draft does not compile. */
    runtimeConfig: jsonb("runtime_config").$type<unknown>(),
    contentHash: text("content_hash").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    index("mapping_versions_status_idx").on(t.status, t.number),
    // One shared draft, and one published version per number even when two people publish at once.
    uniqueIndex("mapping_versions_one_draft_uq")
      .on(t.status)
      .where(sql`status = 'draft'`),
    uniqueIndex("mapping_versions_published_number_uq")
      .on(t.number)
      .where(sql`status = 'published'`),
  ],
);
export type MappingVersion = typeof mappingVersions.$inferSelect;
