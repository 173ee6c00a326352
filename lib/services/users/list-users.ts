import { asc } from "drizzle-orm";
import { users } from "@/db/schema";
import { requireRole, type ServiceContext } from "../context";
import { toPublicUser, type PublicUser } from "./public-user";

export async function listUsers(args: { ctx: ServiceContext }): Promise<PublicUser[]> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map(toPublicUser);
}
