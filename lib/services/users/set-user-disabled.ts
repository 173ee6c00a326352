import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { nextSessionVersion } from "../auth/end-sessions";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { assertAnotherActiveAdmin, getUserOrThrow } from "./internal";
import { toPublicUser, type PublicUser } from "./public-user";
import { SetUserDisabledInput } from "./schemas";

/** Disables or re-enables a user; a disabled user cannot sign in and their open sessions stop working. */
export async function setUserDisabled(args: { ctx: ServiceContext; input: unknown }): Promise<PublicUser> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(SetUserDisabledInput, args.input);
  if (input.disabled && ctx.actor.kind === "user" && ctx.actor.id === input.userId) {
    throw new AppError("CONFLICT", "You cannot disable your own account");
  }
  return withTransaction(ctx, async (tx) => {
    const user = await getUserOrThrow(tx, input.userId);
    if (user.disabled === input.disabled) return toPublicUser(user);
    if (input.disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, user.id);
    const [updated] = await tx
      .update(users)
      .set({ disabled: input.disabled, sessionVersion: nextSessionVersion(), updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: input.disabled ? "user.disable" : "user.enable",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email },
    });
    return toPublicUser(updated!);
  });
}
