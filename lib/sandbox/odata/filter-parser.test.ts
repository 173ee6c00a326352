import { describe, expect, it } from "vitest";
import { parseFilter } from "./filter-parser";

describe("parseFilter", () => {
  it.each([
    [
      "a comparison",
      "name eq 'x'",
      { kind: "compare", property: "name", op: "eq", literal: { kind: "string", value: "x" } },
    ],
    [
      "a doubled quote",
      "name eq 'O''Brien'",
      { kind: "compare", property: "name", op: "eq", literal: { kind: "string", value: "O'Brien" } },
    ],
    [
      "a GUID",
      "id eq 6F9619FF-8B86-D011-B42D-00C04FC964FF",
      {
        kind: "compare",
        property: "id",
        op: "eq",
        literal: { kind: "guid", value: "6f9619ff-8b86-d011-b42d-00c04fc964ff" },
      },
    ],
    [
      "a date-time",
      "modifiedon ge 2026-01-31T10:00:00Z",
      {
        kind: "compare",
        property: "modifiedon",
        op: "ge",
        literal: { kind: "datetime", value: "2026-01-31T10:00:00Z" },
      },
    ],
    [
      "a decimal",
      "price lt -1.5",
      { kind: "compare", property: "price", op: "lt", literal: { kind: "number", value: -1.5, integer: false } },
    ],
    ["null", "x ne null", { kind: "compare", property: "x", op: "ne", literal: { kind: "null" } }],
    [
      "a function",
      "contains(name,'a b')",
      { kind: "function", name: "contains", property: "name", literal: { kind: "string", value: "a b" } },
    ],
  ])("should parse %s", (_label, text, expected) => {
    expect(parseFilter(text, "dataverse")).toEqual(expected);
  });

  it("should bind and tighter than or, and respect parentheses and not", () => {
    expect(parseFilter("a eq 1 or b eq 2 and not (c eq 3)", "dataverse")).toMatchObject({
      kind: "or",
      left: { property: "a" },
      right: { kind: "and", left: { property: "b" }, right: { kind: "not", operand: { property: "c" } } },
    });
  });

  it.each([
    ["an unterminated string", "name eq 'x", /unterminated/],
    ["an unknown operator", "name like 'x'", /'like' is not a supported operator/],
    ["an unknown function", "substringof('a',name)", /unknown function/],
    ["two properties compared", "a eq b", /comparing two properties/],
    ["a trailing token", "a eq 1 2", /unexpected '2'/],
    ["an empty filter", "  ", /empty/],
    ["a bare word as a literal", "a eq %27x%27", /is not a literal/],
  ])("should refuse %s", (_label, text, message) => {
    expect(() => parseFilter(text, "business-central")).toThrow(message);
  });
});
