import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrateDatabase } from "./migrate";
import { queryRows } from "./query-rows";
import { describeEachDriver } from "./test/test-database";

describeEachDriver("migrations", (database, driver) => {
  it("should leave every table in place and do nothing when run again", async () => {
    const handle = database();
    await migrateDatabase(handle);
    const rows = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      "audit_log",
      "connection_health",
      "connection_pairs",
      "connection_usage",
      "connections",
      "coupling_intents",
      "couplings",
      "full_sync_lines",
      "full_sync_runs",
      "integration_settings",
      "mapping_leases",
      "mapping_settings",
      "mapping_versions",
      "notification_attempts",
      "notification_deliveries",
      "reconciliations",
      "sandbox_changes",
      "sandbox_records",
      "sandbox_settings",
      "sandbox_tokens",
      "sign_in_attempts",
      "sync_conflicts",
      "sync_job_errors",
      "sync_jobs",
      "sync_watermarks",
      "users",
    ]);
  });

  // PGlite is one process per directory by construction; only server databases see concurrent instances.
  if (driver !== "pglite") {
    it("should not fail when several instances migrate at once", async () => {
      const handle = database();
      await expect(
        Promise.all([migrateDatabase(handle), migrateDatabase(handle), migrateDatabase(handle)]),
      ).resolves.toBeDefined();
    });
  }
});
