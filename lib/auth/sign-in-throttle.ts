/** Failed sign-ins allowed inside the window before further attempts are refused. */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
} as const;

export type ThrottlePolicy = { windowMs: number; maxFailuresPerEmail: number; maxFailuresPerIp: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides from recent failure times (newest first or any order) whether another attempt may be checked.
 * The lock lifts when the oldest failure that keeps the count at the limit leaves the window.
 */
export function decideThrottle(
  failures: { byEmail: Date[]; byIp: Date[] },
  now: Date,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): ThrottleDecision {
  const check = (times: Date[], limit: number): number => {
    const recent = times
      .map((t) => t.getTime())
      .filter((t) => now.getTime() - t < policy.windowMs)
      .sort((a, b) => b - a);
    if (recent.length < limit) return 0;
    const unlockAt = recent[limit - 1]! + policy.windowMs;
    return Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000));
  };
  const wait = Math.max(
    check(failures.byEmail, policy.maxFailuresPerEmail),
    check(failures.byIp, policy.maxFailuresPerIp),
  );
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}
