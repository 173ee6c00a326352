import { describe, expect, it } from "vitest";
import { decideThrottle, delayAfter, type BucketState } from "./sign-in-throttle";

const now = new Date("2026-11-21T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const bucket = { freeFailures: 3, firstDelayMs: 10_000, maxDelayMs: 60_000 };
const policy = { windowMs: 60 * 60_000, email: bucket, address: { ...bucket, freeFailures: 5 } };
const state = (failures: number, newestSecondsAgo: number): BucketState => ({
  failures,
  newestFailureAt: failures ? secondsAgo(newestSecondsAgo) : null,
});

describe("delayAfter", () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 10_000],
    [4, 20_000],
    [5, 40_000],
    [6, 60_000],
    [50, 60_000],
    [10_000, 60_000],
  ])("should wait %i failures ⇒ %i ms", (failures, expected) => {
    expect(delayAfter(failures, bucket)).toBe(expected);
  });
});

describe("decideThrottle", () => {
  it.each([
    ["no failures", state(0, 0), null, { allowed: true }],
    ["failures below the free count", state(2, 0), null, { allowed: true }],
    ["the first delay not yet over", state(3, 4), null, { allowed: false, retryAfterSeconds: 6 }],
    ["the first delay over", state(3, 10), null, { allowed: true }],
    ["a doubled delay not yet over", state(4, 15), null, { allowed: false, retryAfterSeconds: 5 }],
    ["the capped delay not yet over", state(40, 30), null, { allowed: false, retryAfterSeconds: 30 }],
    ["the capped delay over", state(40, 60), null, { allowed: true }],
    ["the address delay longer than the e-mail's", state(3, 0), state(6, 0), { allowed: false, retryAfterSeconds: 20 }],
    ["the address at its limit, the e-mail clean", state(0, 0), state(5, 1), { allowed: false, retryAfterSeconds: 9 }],
    ["the address below its free count", state(0, 0), state(4, 0), { allowed: true }],
  ] as const)("should decide when %s", (_label, email, address, expected) => {
    expect(decideThrottle({ email, address }, now, policy)).toEqual(expected);
  });
});
