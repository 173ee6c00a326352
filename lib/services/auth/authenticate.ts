import { eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers/types";
import { signInAttempts, users } from "@/db/schema";
import { timingSafeDummyHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { passSignInGate } from "./sign-in-gate";

export const CredentialsInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});

const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks e-mail and password unless the throttle says to wait (see sign-in-gate.ts). Every attempt is recorded,
 * so the throttle holds across processes sharing the database. `ip` is null when no trusted proxy names the
 * caller: then only the per-e-mail delays apply, since one shared "unknown" bucket would slow everyone down.
 */
export async function authenticate(
  db: Database,
  raw: unknown,
  ip: string | null,
  now = new Date(),
): Promise<AuthenticateResult> {
  const parsed = CredentialsInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const gate = await passSignInGate(db, { email, ip, now });
  if (!gate.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: gate.retryAfterSeconds };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
  const succeeded = Boolean(user && valid && !user.disabled);
  if (succeeded) await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, gate.attemptId));
  // Attempts only matter inside the throttle window; a day's history is plenty for a look after an incident.
  await db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)));
  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
