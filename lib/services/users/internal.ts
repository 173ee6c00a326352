import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/drivers/types";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function getUserOrThrow(tx: DbOrTx, userId: string): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist");
  return user;
}

/** Refuses a change that would leave no enabled admin: nobody could manage users any more. */
export async function assertAnotherActiveAdmin(tx: DbOrTx, exceptUserId: string): Promise<void> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, exceptUserId)));
  if (!row || row.count === 0) {
    throw new AppError("CONFLICT", "This is the last active admin; make another user admin first");
  }
}
