import { and, desc, eq } from "drizzle-orm";
import { syncConflicts, type SyncConflict } from "@/db/schema";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";

export type ConflictChange = { field: string; before: unknown; after: unknown; bidirectional?: boolean };
export type OpenConflict = Pick<
  SyncConflict,
  "id" | "jobId" | "mappingName" | "kind" | "erpId" | "crmId" | "createdAt"
> & {
  changes: ConflictChange[];
};

/** Conflicts a `queue` policy parked for a person, newest first, with both values of every differing field. */
export async function listOpenConflicts({ ctx }: { ctx: ServiceContext }): Promise<OpenConflict[]> {
  requireRole(ctx, "viewer");
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) return [];
  const rows = await ctx.db
    .select()
    .from(syncConflicts)
    .where(and(eq(syncConflicts.pairId, pairId), eq(syncConflicts.status, "open")))
    .orderBy(desc(syncConflicts.createdAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    jobId: r.jobId,
    mappingName: r.mappingName,
    kind: r.kind,
    erpId: r.erpId,
    crmId: r.crmId,
    createdAt: r.createdAt,
    changes: (r.changes as ConflictChange[]) ?? [],
  }));
}
