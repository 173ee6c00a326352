import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { nextSessionVersion } from "../auth/end-sessions";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { getUserOrThrow } from "./internal";
import { toPublicUser, type PublicUser } from "./public-user";
import { SetUserPasswordInput } from "./schemas";

/** Sets a user's password (an admin's reset) and ends their open sessions: whoever held one must sign in anew. */
export async function setUserPassword(args: { ctx: ServiceContext; input: unknown }): Promise<PublicUser> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(SetUserPasswordInput, args.input);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const user = await getUserOrThrow(tx, input.userId);
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: nextSessionVersion(), updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: "user.set-password",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email },
    });
    return toPublicUser(updated!);
  });
}
