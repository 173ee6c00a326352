import { randomBytes } from "node:crypto";
import type { Database } from "../drivers/types";
import { users, type User } from "../schema";
import type { Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import type { Actor, ServiceContext } from "@/lib/services/context";

export const TEST_PASSWORD = "correct-horse-battery";

/** A user inserted directly (no audit row), unique per call unless `email` is given. */
export async function makeUser(
  db: Database,
  overrides: Partial<Pick<User, "email" | "name" | "role" | "disabled">> & { password?: string } = {},
): Promise<User> {
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${suffix}@example.test`,
      name: overrides.name ?? `User ${suffix}`,
      role: overrides.role ?? "viewer",
      disabled: overrides.disabled ?? false,
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
    })
    .returning();
  return user!;
}

export function actorFor(user: User): Actor {
  return { kind: "user", id: user.id, email: user.email, role: user.role };
}

export async function contextAs(db: Database, role: Role): Promise<ServiceContext & { user: User }> {
  const user = await makeUser(db, { role });
  return { db, actor: actorFor(user), user };
}
