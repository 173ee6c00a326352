import { and, desc, eq } from "drizzle-orm";
import { syncConflicts, syncJobs, type SyncConflict } from "@/db/schema";
import type { Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections } from "@/lib/integration/integration-connections";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { conflictFields, parkedFlow, type ConflictField } from "@/lib/sync/plan/conflict-decision";
import type { FieldChange } from "@/lib/sync/decide/transfer-fields";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";

/** Who changed a side's record last, and when, as its system says now (null when it could not be read). */
export type LastChange = { modifiedOn: string | null; modifiedBy: string | null } | null;
export type OpenConflict = Pick<
  SyncConflict,
  "id" | "jobId" | "mappingName" | "kind" | "erpId" | "crmId" | "createdAt"
> & {
  fields: ConflictField[];
  lastChange: Record<Side, LastChange>;
};

const SHOWN = 100;

/** Each side's records of these conflicts, read at once per mapping; an unreachable system leaves its side unknown. */
async function lastChanges(
  ctx: ServiceContext,
  rows: { mappingName: string; erpId: string; crmId: string }[],
  mappings: TableMapping[],
) {
  const found = new Map<string, LastChange>();
  if (!rows.length) return found;
  try {
    const entities = { erp: mappings.map((m) => m.erp.entity), crm: mappings.map((m) => m.crm.entity) };
    const { connectors } = await buildConnectors(ctx.db, await activeConnections(ctx.db), {
      retry: { maxAttempts: 1 },
      entities,
    });
    for (const mapping of mappings)
      for (const side of ["erp", "crm"] as const) {
        const ids = rows.filter((r) => r.mappingName === mapping.name).map((r) => (side === "erp" ? r.erpId : r.crmId));
        if (!ids.length) continue;
        for (const record of await connectors[side].readByIds(mapping[side].entity, ids))
          found.set(`${side}:${record.id.toLowerCase()}`, {
            modifiedOn: record.modifiedOn,
            modifiedBy: record.modifiedBy,
          });
      }
  } catch {
    // The page still shows the parked values; only who changed them when stays unknown.
  }
  return found;
}

/** Conflicts a `queue` policy parked for a person, newest first, with both sides' value of every differing field. */
export async function listOpenConflicts({ ctx }: { ctx: ServiceContext }): Promise<OpenConflict[]> {
  requireRole(ctx, "viewer");
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) return [];
  const rows = await ctx.db
    .select({ conflict: syncConflicts, direction: syncJobs.direction })
    .from(syncConflicts)
    .leftJoin(syncJobs, eq(syncJobs.id, syncConflicts.jobId))
    .where(and(eq(syncConflicts.pairId, pairId), eq(syncConflicts.status, "open")))
    .orderBy(desc(syncConflicts.createdAt))
    .limit(SHOWN);
  const config = await loadPublishedConfig(ctx.db)
    .then((p) => p.config)
    .catch(() => null);
  const mappings = (config?.mappings ?? []).filter((m) => rows.some((r) => r.conflict.mappingName === m.name));
  const changed = await lastChanges(
    ctx,
    rows.map((r) => r.conflict),
    mappings,
  );
  return rows.map(({ conflict: r, direction }) => {
    const mapping = mappings.find((m) => m.name === r.mappingName);
    const changes = (r.changes as FieldChange[]) ?? [];
    return {
      id: r.id,
      jobId: r.jobId,
      mappingName: r.mappingName,
      kind: r.kind,
      erpId: r.erpId,
      crmId: r.crmId,
      createdAt: r.createdAt,
      fields: mapping ? conflictFields(mapping, parkedFlow(mapping, direction, changes), changes) : [],
      lastChange: {
        erp: changed.get(`erp:${r.erpId.toLowerCase()}`) ?? null,
        crm: changed.get(`crm:${r.crmId.toLowerCase()}`) ?? null,
      },
    };
  });
}
