import { and, eq, gt, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers/types";
import { signInAttempts, users } from "@/db/schema";
import { timingSafeDummyHash, verifyPassword } from "@/lib/auth/password";
import { decideThrottle, THROTTLE_POLICY } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/roles";

export const CredentialsInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});

const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" | "rate-limited"; retryAfterSeconds?: number };

/**
 * Checks e-mail and password, refusing early when too many recent failures came from this e-mail or address.
 * Every attempt is recorded, so the throttle holds across processes sharing the database. Without a known address
 * (no reverse proxy) only the per-e-mail limit applies: one shared "unknown" bucket would lock everyone out.
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

  const since = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
  const recentFailures = await db
    .select({ email: signInAttempts.email, ip: signInAttempts.ip, at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
        ip ? or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)) : eq(signInAttempts.email, email),
      ),
    );
  const decision = decideThrottle(
    {
      byEmail: recentFailures.filter((f) => f.email === email).map((f) => f.at),
      byIp: ip ? recentFailures.filter((f) => f.ip === ip).map((f) => f.at) : [],
    },
    now,
  );
  if (!decision.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
  const succeeded = Boolean(user && valid && !user.disabled);
  await db.insert(signInAttempts).values({ email, ip: ip ?? "unknown", succeeded, createdAt: now });
  // Attempts only matter inside the throttle window; a day's history is plenty for a look after an incident.
  await db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)));
  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
