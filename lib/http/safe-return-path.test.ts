import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    [undefined, "/"],
    ["/users", "/users"],
    ["/users?tab=audit", "/users?tab=audit"],
    ["https://evil.example/phish", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/api/health", "/"],
    ["javascript:alert(1)", "/"],
  ])("should turn %j into %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
