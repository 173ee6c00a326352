import { and, count, eq, gt, max, ne, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/drivers/types";
import { signInAttempts } from "@/db/schema";
import { decideThrottle, THROTTLE_POLICY, type BucketState, type ThrottleDecision } from "@/lib/auth/sign-in-throttle";

export type GateResult = ThrottleDecision & { attemptId: number };

/**
 * Records an attempt and decides whether its password may be checked, in one transaction that holds an advisory
 * lock per bucket (the e-mail, and the address when known): concurrent attempts are counted one after another, so
 * a burst of parallel guesses cannot all slip through under the limit. The attempt is stored as a failure until
 * the password is proven right; one the throttle refuses is marked throttled and lengthens no delay.
 */
export async function passSignInGate(
  db: Database,
  attempt: { email: string; ip: string | null; now: Date },
): Promise<GateResult> {
  const { email, ip, now } = attempt;
  return db.transaction(async (tx) => {
    const keys = [`sign-in:email:${email}`, ...(ip ? [`sign-in:ip:${ip}`] : [])].sort();
    for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);

    const [row] = await tx
      .insert(signInAttempts)
      .values({ email, ip, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    const attemptId = row!.id;

    const since = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
    const [lastSuccess] = await tx
      .select({ at: max(signInAttempts.createdAt) })
      .from(signInAttempts)
      .where(
        and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gt(signInAttempts.createdAt, since)),
      );
    const emailSince = lastSuccess?.at ?? since;
    const counted = {
      email: await countFailures(tx, attemptId, eq(signInAttempts.email, email), emailSince),
      address: ip ? await countFailures(tx, attemptId, eq(signInAttempts.ip, ip), since) : null,
    };
    const decision = decideThrottle(counted, now);
    if (!decision.allowed) {
      await tx.update(signInAttempts).set({ throttled: true }).where(eq(signInAttempts.id, attemptId));
    }
    return { ...decision, attemptId };
  });
}

async function countFailures(tx: Transaction, ownId: number, bucket: SQL, since: Date): Promise<BucketState> {
  const [row] = await tx
    .select({ failures: count(), newest: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
        bucket,
        ne(signInAttempts.id, ownId),
        eq(signInAttempts.succeeded, false),
        eq(signInAttempts.throttled, false),
        gt(signInAttempts.createdAt, since),
      ),
    );
  return { failures: row?.failures ?? 0, newestFailureAt: row?.newest ?? null };
}
