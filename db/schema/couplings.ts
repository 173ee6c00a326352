import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connectionPairs } from "./connections";
import { syncResult } from "./enums";

/** One ERP record linked to one CRM record under a table mapping, with per-side sync state. */
export const couplings = pgTable(
  "couplings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => connectionPairs.id, { onDelete: "restrict" }),
    mappingName: text("mapping_name").notNull(),
    erpId: text("erp_id").notNull(),
    crmId: text("crm_id").notNull(),
    /** Post-write modified-on of each side as of the last sync: echo suppression and change detection. */
    lastSyncedErpModifiedOn: timestamp("last_synced_erp_modified_on", { withTimezone: true, precision: 3 }),
    lastSyncedCrmModifiedOn: timestamp("last_synced_crm_modified_on", { withTimezone: true, precision: 3 }),
    erpEtag: text("erp_etag"),
    crmEtag: text("crm_etag"),
    /** Result of the last pass that wrote into that side. */
    lastResultErp: syncResult("last_result_erp"),
    lastResultCrm: syncResult("last_result_crm"),
    lastJobIdErp: uuid("last_job_id_erp"),
    lastJobIdCrm: uuid("last_job_id_crm"),
    /** The last error writing into that side: the same error twice in a row skips the record. */
    lastErrorErp: text("last_error_erp"),
    lastErrorCrm: text("last_error_crm"),
    skipped: boolean("skipped").notNull().default(false),
    /**
     * The ERP→CRM pass wrote into a CRM record that held a change not yet taken to the ERP (both changed): the CRM→ERP
     * pass takes that change although the integration user wrote the record last.
     */
    pendingCrmChange: boolean("pending_crm_change").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("couplings_pair_mapping_erp_uq").on(t.pairId, t.mappingName, t.erpId),
    uniqueIndex("couplings_pair_mapping_crm_uq").on(t.pairId, t.mappingName, t.crmId),
    index("couplings_pair_mapping_skipped_idx").on(t.pairId, t.mappingName, t.skipped),
  ],
);
export type Coupling = typeof couplings.$inferSelect;
