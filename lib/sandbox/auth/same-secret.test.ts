import { describe, expect, it } from "vitest";
import { sameSecret } from "./same-secret";

describe("sameSecret", () => {
  it.each([
    ["the same secret", "tandem-sandbox-secret", true],
    ["another secret of the same length", "tandem-sandbox-secreT", false],
    ["a prefix of the secret", "tandem-sandbox", false],
    ["the secret with more after it", "tandem-sandbox-secret!", false],
    ["an empty secret", "", false],
    ["no secret", null, false],
    ["a non-ASCII secret", "tandem-sandbox-secrét", false],
  ])("should answer %s with %s", (_label, presented, expected) => {
    expect(sameSecret(presented, "tandem-sandbox-secret")).toBe(expected);
  });

  it("should take as long when the first character differs as when only the last does", () => {
    const size = 8 * 1024 * 1024;
    const registered = `${"s".repeat(size - 1)}t`;
    const early = `x${"s".repeat(size - 2)}t`;
    const late = `${"s".repeat(size - 1)}u`;
    // Flat strings, compared once before timing, so the rounds time the comparison alone.
    for (const value of [registered, early, late]) void value.charCodeAt(size - 1);
    sameSecret(early, registered);
    sameSecret(late, registered);
    const time = (presented: string) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 3; i++) sameSecret(presented, registered);
      return Number(process.hrtime.bigint() - started);
    };
    const rounds = { early: [] as number[], late: [] as number[] };
    for (let round = 0; round < 7; round++) {
      rounds.early.push(time(early));
      rounds.late.push(time(late));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[3]!;
    // An early-exit comparison answers the first at once and reads all 8 MB for the second: a ratio in the hundreds.
    expect(median(rounds.late) / median(rounds.early)).toBeLessThan(3);
    expect(median(rounds.early) / median(rounds.late)).toBeLessThan(3);
  });
});
