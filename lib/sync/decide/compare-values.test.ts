import { describe, expect, it } from "vitest";
import type { CatalogField } from "@/lib/mapping/model/catalog";
import { isBlank, sameValue } from "./compare-values";

const field = (type: CatalogField["type"], extra: Partial<CatalogField> = {}): CatalogField => ({
  name: "f",
  type,
  ...extra,
});

describe("sameValue", () => {
  it.each([
    ["blank text and null", "", null, undefined, true],
    ["text and blank", "a", null, undefined, false],
    ["numbers and numeric text", 12.5, "12.50", field("decimal"), true],
    ["different numbers", 12.5, 12.51, field("decimal"), false],
    [
      "GUIDs of different case",
      "ABCDEF01-0000-0000-0000-000000000001",
      "abcdef01-0000-0000-0000-000000000001",
      field("guid"),
      true,
    ],
    [
      "a lookup value and its id",
      "abcdef01-0000-0000-0000-000000000001",
      { id: "ABCDEF01-0000-0000-0000-000000000001", entity: "accounts" },
      field("lookup"),
      true,
    ],
    ["two spellings of one instant", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00.000Z", field("datetime"), true],
    ["a date and a midnight instant", "2026-01-01", "2026-01-01T00:00:00Z", field("date"), true],
    ["text longer than the field, on its prefix", "abcdef", "abcdefgh", field("string", { maxLength: 6 }), true],
    ["text of different case", "abc", "ABC", field("string"), false],
    ["booleans and 0/1", true, 1, field("boolean"), true],
    ["an option value and its number text", 3, "3", field("optionset"), true],
  ])("should compare %s", (_name, current, incoming, catalogField, expected) => {
    expect(sameValue(current, incoming, catalogField)).toBe(expected);
  });

  it("should treat a lookup without an id as blank when it is compared", () => {
    expect(isBlank({ id: null, entity: "accounts" })).toBe(true);
    expect(sameValue(null, { id: "", entity: "accounts" })).toBe(true);
  });
});
