/**
 * Growing delays instead of a lock: after a few free failures, each further attempt waits twice as long after the
 * newest failure as the one before, up to a cap. Someone who guesses gets a handful of tries an hour; the real user
 * waits at most the cap after the guessing stops, never a lock that a few requests every window keep shut.
 */
export type BucketPolicy = { freeFailures: number; firstDelayMs: number; maxDelayMs: number };

export type ThrottlePolicy = {
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** Failures for one e-mail, from any address, since its last successful sign-in. */
  email: BucketPolicy;
  /** Failures from one client address, for any e-mail (only when a trusted proxy names the address). */
  address: BucketPolicy;
};

export const THROTTLE_POLICY: ThrottlePolicy = {
  windowMs: 60 * 60_000,
  email: { freeFailures: 5, firstDelayMs: 15_000, maxDelayMs: 15 * 60_000 },
  address: { freeFailures: 20, firstDelayMs: 15_000, maxDelayMs: 15 * 60_000 },
};

/** What the throttle counted for one bucket: its failures inside the window and when the newest happened. */
export type BucketState = { failures: number; newestFailureAt: Date | null };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long after the newest of `failures` failures the next attempt must wait. */
export function delayAfter(failures: number, policy: BucketPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

function waitMs(state: BucketState | null, policy: BucketPolicy, now: Date): number {
  if (!state?.newestFailureAt) return 0;
  return state.newestFailureAt.getTime() + delayAfter(state.failures, policy) - now.getTime();
}

/** Whether an attempt may be checked now, given the failures counted before it; without an address, by e-mail only. */
export function decideThrottle(
  counted: { email: BucketState; address: BucketState | null },
  now: Date,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): ThrottleDecision {
  const wait = Math.max(waitMs(counted.email, policy.email, now), waitMs(counted.address, policy.address, now));
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}
