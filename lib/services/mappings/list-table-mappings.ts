import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { couplings, mappingSettings, syncJobs, type SyncJob } from "@/db/schema";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { filterInWords } from "@/lib/mapping/filter/filter-words";
import { heldMappings } from "@/lib/sync/engine/held-runs";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";

type LastJob = Pick<SyncJob, "id" | "direction" | "status" | "createdAt" | "inserted" | "modified" | "failed">;

/** One line of BC's Integration Table Mappings page. */
export type TableMappingLine = {
  name: string;
  erpEntity: string;
  crmEntity: string;
  direction: string;
  parent: string | null;
  filters: { erp: string | null; crm: string | null };
  everyMinutes: number | null;
  scheduleEnabled: boolean;
  /** A run held by the mass-change guard pauses the schedule until an admin decides. */
  held: boolean;
  lastJobs: LastJob[];
  /** Couplings whose last pass into a side failed (retried first), and those skipped after failing twice. */
  errors: number;
  skipped: number;
  coupled: number;
};

/** The published mappings as an admin runs them: filters in words, schedule, last runs, errors and skipped. */
export async function listTableMappings({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ versionNumber: number; lines: TableMappingLine[] } | null> {
  requireRole(ctx, "viewer");
  const published = await loadPublishedConfig(ctx.db).catch(() => null);
  if (!published) return null;
  const names = published.config.mappings.map((m) => m.name);
  const pairId = await activePairOrNull(ctx.db);
  const [stats, jobs, settings, held] = await Promise.all([
    pairId
      ? ctx.db
          .select({
            mapping: couplings.mappingName,
            coupled: count(),
            skipped: sql<number>`count(*) filter (where ${couplings.skipped})`,
            errors: sql<number>`count(*) filter (where not ${couplings.skipped} and (${couplings.lastResultErp} = 'failure' or ${couplings.lastResultCrm} = 'failure'))`,
          })
          .from(couplings)
          .where(eq(couplings.pairId, pairId))
          .groupBy(couplings.mappingName)
      : [],
    pairId
      ? ctx.db
          .selectDistinctOn([syncJobs.mappingName, syncJobs.direction], {
            id: syncJobs.id,
            mappingName: syncJobs.mappingName,
            direction: syncJobs.direction,
            status: syncJobs.status,
            createdAt: syncJobs.createdAt,
            inserted: syncJobs.inserted,
            modified: syncJobs.modified,
            failed: syncJobs.failed,
          })
          .from(syncJobs)
          .where(and(eq(syncJobs.pairId, pairId), inArray(syncJobs.mappingName, names)))
          .orderBy(syncJobs.mappingName, syncJobs.direction, desc(syncJobs.createdAt))
      : [],
    ctx.db.select().from(mappingSettings),
    pairId ? heldMappings(ctx.db, pairId) : new Set<string>(),
  ]);
  const statsOf = new Map(stats.map((s) => [s.mapping, s]));
  const enabled = new Map(settings.map((s) => [s.mappingName, s.scheduleEnabled]));
  return {
    versionNumber: published.versionNumber,
    lines: published.config.mappings.map((m) => {
      const s = statsOf.get(m.name);
      return {
        name: m.name,
        erpEntity: m.erp.entity,
        crmEntity: m.crm.entity,
        direction: m.direction,
        parent: m.parent ?? null,
        filters: {
          erp: m.erp.filter ? filterInWords(m.erp.filter) : null,
          crm: m.crm.filter ? filterInWords(m.crm.filter) : null,
        },
        everyMinutes: m.schedule?.everyMinutes ?? null,
        scheduleEnabled: enabled.get(m.name) ?? true,
        held: held.has(m.name),
        lastJobs: jobs.filter((j) => j.mappingName === m.name),
        errors: Number(s?.errors ?? 0),
        skipped: Number(s?.skipped ?? 0),
        coupled: Number(s?.coupled ?? 0),
      };
    }),
  };
}
