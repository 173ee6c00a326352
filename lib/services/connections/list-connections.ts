import { asc, count, eq } from "drizzle-orm";
import { connectionPairs, connections, couplings, syncJobs } from "@/db/schema";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "./active-pair";
import { toConnectionView, type ConnectionView } from "./connection-view";

export type PairView = {
  id: string;
  erpConnectionId: string;
  crmConnectionId: string;
  active: boolean;
  couplings: number;
  jobs: number;
  createdAt: string;
};

/** Every connection (secrets as set/unset) and every pair they were synchronized in, with what each pair holds. */
export async function listConnections({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ connections: ConnectionView[]; pairs: PairView[] }> {
  requireRole(ctx, "viewer");
  const [rows, pairs, coupled, jobs, activePair] = await Promise.all([
    ctx.db.select().from(connections).orderBy(asc(connections.system), asc(connections.createdAt)),
    ctx.db.select().from(connectionPairs).orderBy(asc(connectionPairs.createdAt)),
    ctx.db.select({ pairId: couplings.pairId, n: count() }).from(couplings).groupBy(couplings.pairId),
    ctx.db.select({ pairId: syncJobs.pairId, n: count() }).from(syncJobs).groupBy(syncJobs.pairId),
    activePairOrNull(ctx.db),
  ]);
  const by = (list: { pairId: string; n: number }[]) => new Map(list.map((r) => [r.pairId, Number(r.n)]));
  const couplingsBy = by(coupled);
  const jobsBy = by(jobs);
  return {
    connections: rows.map(toConnectionView),
    pairs: pairs.map((p) => ({
      id: p.id,
      erpConnectionId: p.erpConnectionId,
      crmConnectionId: p.crmConnectionId,
      active: p.id === activePair,
      couplings: couplingsBy.get(p.id) ?? 0,
      jobs: jobsBy.get(p.id) ?? 0,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}

export async function getConnectionRow(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(connections).where(eq(connections.id, id));
  return row ?? null;
}
