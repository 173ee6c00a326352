import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { hasSqlState, requireRole, UNIQUE_VIOLATION, withTransaction, type ServiceContext } from "../context";
import { CreateUserInput } from "./schemas";
import { toPublicUser, type PublicUser } from "./public-user";

export async function createUser(args: { ctx: ServiceContext; input: unknown }): Promise<PublicUser> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(CreateUserInput, args.input);
  const passwordHash = await hashPassword(input.password);
  const name = input.name || input.email.split("@")[0]!;
  const duplicate = new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists`, {
    fieldErrors: { email: ["Already in use"] },
  });
  try {
    return await withTransaction(ctx, async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (existing) throw duplicate;
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name, role: input.role, passwordHash })
        .returning();
      await writeAudit(tx, ctx.actor, {
        action: "user.create",
        targetType: "user",
        targetId: user!.id,
        details: { email: user!.email, role: user!.role },
      });
      return toPublicUser(user!);
    });
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION)) throw duplicate;
    throw error;
  }
}
