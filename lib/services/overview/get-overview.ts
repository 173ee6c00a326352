import { and, eq, gt, sql } from "drizzle-orm";
import { connections, mappingVersions, syncJobs, users } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { requireRole, type ServiceContext } from "../context";

export type Overview = {
  activeUsers: number | null; // admins only
  connections: number;
  publishedVersions: number;
  jobsLast24h: number;
  failedJobsLast24h: number;
};

const count = sql<number>`count(*)::int`;

export async function getOverview(args: { ctx: ServiceContext; now?: Date }): Promise<Overview> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const since = new Date((args.now ?? new Date()).getTime() - 24 * 60 * 60 * 1000);
  const [activeUsers, conns, versions, jobs, failed] = await Promise.all([
    hasRole(ctx.actor.role, "admin") ? ctx.db.select({ count }).from(users).where(eq(users.disabled, false)) : null,
    ctx.db.select({ count }).from(connections),
    ctx.db.select({ count }).from(mappingVersions).where(eq(mappingVersions.status, "published")),
    ctx.db.select({ count }).from(syncJobs).where(gt(syncJobs.createdAt, since)),
    ctx.db
      .select({ count })
      .from(syncJobs)
      .where(and(gt(syncJobs.createdAt, since), eq(syncJobs.status, "failed"))),
  ]);
  return {
    activeUsers: activeUsers?.[0]?.count ?? null,
    connections: conns[0]?.count ?? 0,
    publishedVersions: versions[0]?.count ?? 0,
    jobsLast24h: jobs[0]?.count ?? 0,
    failedJobsLast24h: failed[0]?.count ?? 0,
  };
}
