import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { mappingLeases, syncJobs } from "@/db/schema";

/**
 * One run per table mapping at a time, across processes: a row that expires unless renewed. A run killed outright
 * frees its mapping when the lease lapses; the next run then marks the dead run's jobs as interrupted.
 */
export class MappingLease {
  private constructor(
    private readonly db: Database,
    readonly mappingName: string,
    readonly holder: string,
    private readonly ttlMs: number,
    private readonly jobMappings: string[],
  ) {}

  /** `jobMappings`: the mappings whose jobs this run writes (the mapping and its document lines). */
  static async acquire(
    db: Database,
    mappingName: string,
    holder: string,
    ttlMs: number,
    jobMappings: string[] = [mappingName],
  ): Promise<MappingLease | null> {
    const expires = new Date(Date.now() + ttlMs);
    const rows = await queryRows<{ holder: string }>(
      db,
      sql`insert into mapping_leases (mapping_name, holder, expires_at) values (${mappingName}, ${holder}, ${expires.toISOString()}::timestamptz)
          on conflict (mapping_name) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where mapping_leases.expires_at < now() or mapping_leases.holder = excluded.holder
          returning holder`,
    );
    if (!rows.length) return null;
    const lease = new MappingLease(db, mappingName, holder, ttlMs, jobMappings);
    await lease.markInterrupted();
    return lease;
  }

  /** Jobs of this mapping still "running" belong to a run that died: nobody else can hold the mapping now. */
  private async markInterrupted(): Promise<void> {
    await this.db
      .update(syncJobs)
      .set({
        status: "failed",
        message: "Interrupted: the process running this job stopped. The next run picked up where it left off.",
        finishedAt: new Date(),
      })
      .where(
        and(
          inArray(syncJobs.mappingName, this.jobMappings),
          eq(syncJobs.status, "running"),
          lt(syncJobs.heartbeatAt, new Date(Date.now() - 1000)),
        ),
      );
  }

  async renew(): Promise<void> {
    await this.db
      .update(mappingLeases)
      .set({ expiresAt: new Date(Date.now() + this.ttlMs) })
      .where(and(eq(mappingLeases.mappingName, this.mappingName), eq(mappingLeases.holder, this.holder)));
  }

  async release(): Promise<void> {
    await this.db
      .delete(mappingLeases)
      .where(and(eq(mappingLeases.mappingName, this.mappingName), eq(mappingLeases.holder, this.holder)));
  }
}
