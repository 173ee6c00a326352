import { describe, expect, it } from "vitest";
import { isSessionCurrent } from "./session-version";

describe("isSessionCurrent", () => {
  it.each([
    [0, 0, true],
    [3, 3, true],
    [2, 3, false],
    [4, 3, false],
    [undefined, 0, false],
    [null, 0, false],
    ["0", 0, false],
    [Number.NaN, 0, false],
  ])("should answer token version %j against user version %j ⇒ %s", (token, user, expected) => {
    expect(isSessionCurrent(token, user)).toBe(expected);
  });
});
