import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    [undefined, "/"],
    [null, "/"],
    ["", "/"],
    ["/users", "/users"],
    ["/users?tab=audit", "/users?tab=audit"],
    ["/ok?x=1", "/ok?x=1"],
    ["/designer#canvas", "/designer#canvas"],
    // Percent-encoded bytes stay inside the path: a browser never decodes them into a host.
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5C/evil.example", "/%5C/evil.example"],
    ["https://evil.example/phish", "/"],
    ["//evil.example", "/"],
    ["///evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\/evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["/users\\..\\x", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["/ok\r\nSet-Cookie: x=1", "/"],
    ["/\u0000/evil.example", "/"],
    ["/\u007f/evil.example", "/"],
    ["/\u0085/evil.example", "/"],
    ["\t//evil.example", "/"],
    ["/..//evil.example", "/"],
    ["/./..//evil.example", "/"],
    ["/login", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/login/../api/health", "/"],
    ["/api/health", "/"],
    ["javascript:alert(1)", "/"],
    ["data:text/html,hi", "/"],
  ])("should turn %j into %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it("should go home when the path is longer than 2,000 characters", () => {
    expect(safeReturnPath(`/${"a".repeat(2000)}`)).toBe("/");
  });
});
