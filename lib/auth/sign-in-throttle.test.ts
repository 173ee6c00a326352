import { describe, expect, it } from "vitest";
import { decideThrottle } from "./sign-in-throttle";

const now = new Date("2026-11-21T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const policy = { windowMs: 15 * 60_000, maxFailuresPerEmail: 3, maxFailuresPerIp: 5 };

describe("decideThrottle", () => {
  it.each([
    ["no failures", [], [], true],
    ["failures below the e-mail limit", [minutesAgo(1), minutesAgo(2)], [], true],
    ["the e-mail limit reached inside the window", [minutesAgo(1), minutesAgo(2), minutesAgo(3)], [], false],
    ["old failures outside the window", [minutesAgo(16), minutesAgo(20), minutesAgo(30)], [], true],
    ["the address limit reached across e-mails", [], [1, 2, 3, 4, 5].map(minutesAgo), false],
  ] as const)("should decide allowed=%s when %s", (_label, byEmail, byIp, allowed) => {
    expect(decideThrottle({ byEmail: [...byEmail], byIp: [...byIp] }, now, policy).allowed).toBe(allowed);
  });

  it("should unlock when the limiting failure leaves the window when locked", () => {
    const decision = decideThrottle({ byEmail: [minutesAgo(1), minutesAgo(5), minutesAgo(10)], byIp: [] }, now, policy);
    // The third-newest failure (10 min ago) leaves the 15-minute window in 5 minutes.
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });
});
