import { and, desc, eq, inArray } from "drizzle-orm";
import { activePairOrNull } from "../connections/active-pair";
import { syncJobs, type SyncJob } from "@/db/schema";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { requireRole, type ServiceContext } from "../context";

export type MappingSummary = {
  name: string;
  erpEntity: string;
  crmEntity: string;
  direction: string;
  everyMinutes: number | null;
  parent: string | null;
  lastJobs: Pick<
    SyncJob,
    | "id"
    | "direction"
    | "status"
    | "createdAt"
    | "inserted"
    | "modified"
    | "unchanged"
    | "skipped"
    | "failed"
    | "message"
  >[];
};

/** The published mappings, each with its newest job per direction. */
export async function listMappings(args: {
  ctx: ServiceContext;
}): Promise<{ versionNumber: number; mappings: MappingSummary[] } | null> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const published = await loadPublishedConfig(ctx.db).catch(() => null);
  if (!published) return null;
  const names = published.config.mappings.map((m) => m.name);
  const pairId = await activePairOrNull(ctx.db);
  const jobs = !pairId
    ? []
    : await ctx.db
        .select()
        .from(syncJobs)
        .where(and(eq(syncJobs.pairId, pairId), inArray(syncJobs.mappingName, names)))
        .orderBy(desc(syncJobs.createdAt))
        .limit(500);
  return {
    versionNumber: published.versionNumber,
    mappings: published.config.mappings.map((m) => ({
      name: m.name,
      erpEntity: m.erp.entity,
      crmEntity: m.crm.entity,
      direction: m.direction,
      everyMinutes: m.schedule?.everyMinutes ?? null,
      parent: m.parent ?? null,
      lastJobs: (["erp-to-crm", "crm-to-erp"] as const).flatMap((direction) => {
        const job = jobs.find(
          (j) => j.mappingName === m.name && j.direction === direction && j.type === "synchronization",
        );
        return job
          ? [
              {
                id: job.id,
                direction: job.direction,
                status: job.status,
                createdAt: job.createdAt,
                inserted: job.inserted,
                modified: job.modified,
                unchanged: job.unchanged,
                skipped: job.skipped,
                failed: job.failed,
                message: job.message,
              },
            ]
          : [];
      }),
    })),
  };
}
