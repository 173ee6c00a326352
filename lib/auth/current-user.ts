import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/services/context";
import { auth } from "./auth";
import { hasRole, ROLE_LABELS, type Role } from "./roles";
import { isSessionCurrent } from "./session-version";

export type SignedInUser = { kind: "user"; id: string; email: string; name: string; role: Role };

/**
 * The signed-in user as the database has them now: a role change or a disable takes effect on the next
 * request, whatever the session token still says, and a token from before a sign-out (a copied cookie) or any
 * other bump of the user's session version opens nothing.
 */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const { db } = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || user.disabled || !isSessionCurrent(session.sessionVersion, user.sessionVersion)) return null;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The one check every server action and route handler makes: signed in, enabled, and at least `role`. */
export async function requireUser(role: Role): Promise<ServiceContext & { user: SignedInUser }> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (!hasRole(user.role, role)) {
    throw new AppError(
      "FORBIDDEN",
      `This needs the ${ROLE_LABELS[role]} role; you are signed in as ${ROLE_LABELS[user.role]}.`,
    );
  }
  const { db } = await getDb();
  return { db, actor: user, user };
}
