import { describe, expect, it } from "vitest";
import { hasRole, isRole, type Role } from "./roles";

describe("hasRole", () => {
  const cases: [Role, Role, boolean][] = [
    ["admin", "admin", true],
    ["admin", "consultant", true],
    ["admin", "viewer", true],
    ["consultant", "admin", false],
    ["consultant", "consultant", true],
    ["consultant", "viewer", true],
    ["viewer", "admin", false],
    ["viewer", "consultant", false],
    ["viewer", "viewer", true],
  ];
  it.each(cases)("should answer %s may act as %s ⇒ %s", (actual, required, expected) => {
    expect(hasRole(actual, required)).toBe(expected);
  });

  it("should reject unknown role names when checking a value", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
