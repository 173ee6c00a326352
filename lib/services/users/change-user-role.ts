import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { nextSessionVersion } from "../auth/end-sessions";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { assertAnotherActiveAdmin, getUserOrThrow } from "./internal";
import { toPublicUser, type PublicUser } from "./public-user";
import { ChangeUserRoleInput } from "./schemas";

/** Changes a user's role and ends their open sessions. */
export async function changeUserRole(args: { ctx: ServiceContext; input: unknown }): Promise<PublicUser> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(ChangeUserRoleInput, args.input);
  return withTransaction(ctx, async (tx) => {
    const user = await getUserOrThrow(tx, input.userId);
    if (user.role === input.role) return toPublicUser(user);
    if (user.role === "admin" && !user.disabled) await assertAnotherActiveAdmin(tx, user.id);
    const [updated] = await tx
      .update(users)
      // The user signs in again and gets a session made for the new role.
      .set({ role: input.role, sessionVersion: nextSessionVersion(), updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: "user.change-role",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, from: user.role, to: input.role },
    });
    return toPublicUser(updated!);
  });
}
