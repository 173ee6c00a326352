import { describe, expect, it } from "vitest";
import { f, type FilterAst } from "../model/filter";
import { crmField, erpField } from "../test/fixtures";
import { toPredicate } from "./filter-predicate";

const bcField = (name: string) => erpField("customers", name);
const customer = {
  displayName: "O'Brien & Co",
  blocked: "_x0020_",
  creditLimit: 1500,
  active: true,
  since: "2026-01-31",
  lastModifiedDateTime: "2026-02-01T10:00:00Z",
  currencyId: "6F9619FF-8B86-D011-B42D-00C04FC964FF",
  notes: null,
};

describe("toPredicate", () => {
  it.each<[string, FilterAst, boolean]>([
    ["equal text ignoring case", f.eq("displayName", "o'brien & co"), true],
    ["different text", f.eq("displayName", "Other"), false],
    ["an enum by label", f.eq("blocked", "(blank)"), true],
    ["a number greater", f.gt("creditLimit", 1000), true],
    ["a number not greater", f.gt("creditLimit", 1500), false],
    ["a boolean", f.eq("active", true), true],
    ["a date before", f.lt("since", "2026-02-01"), true],
    ["instants written differently", f.eq("lastModifiedDateTime", "2026-02-01T11:00:00+01:00"), true],
    ["a GUID in another case", f.eq("currencyId", "6f9619ff-8b86-d011-b42d-00c04fc964ff"), true],
    ["null equals null", f.eq("notes", null), true],
    ["a missing field is null", f.eq("nowhere", null), true],
    ["null is not greater than anything", f.gt("notes", "a"), false],
    ["in", f.in("blocked", ["Ship", "_x0020_"]), true],
    ["contains ignoring case", f.contains("displayName", "BRIEN"), true],
    ["startswith", f.startsWith("displayName", "O'B"), true],
    ["endswith on null", f.endsWith("notes", "x"), false],
    ["and", f.and(f.eq("active", true), f.gt("creditLimit", 2000)), false],
    ["or", f.or(f.eq("active", false), f.gt("creditLimit", 1000)), true],
    ["not", f.not(f.eq("active", true)), false],
  ])("should answer %s", (_label, filter, expected) => {
    expect(toPredicate(filter, { field: bcField })(customer)).toBe(expected);
  });

  it("should compare text exactly when asked to be case-sensitive", () => {
    expect(toPredicate(f.eq("displayName", "o'brien & co"), { field: bcField, caseSensitive: true })(customer)).toBe(
      false,
    );
  });

  it("should read option values as integers when the catalog says option set", () => {
    const predicate = toPredicate(f.eq("statecode", "Inactive"), { field: (name) => crmField("accounts", name) });
    expect(predicate({ statecode: 1 })).toBe(true);
    expect(predicate({ statecode: 0 })).toBe(false);
  });

  it("should refuse a value the field cannot hold, as the OData builder does", () => {
    expect(() => toPredicate(f.eq("creditLimit", "lots"), { field: bcField })).toThrow(/needs a number/);
  });
});

describe("toPredicate with missing values", () => {
  it.each<[string, FilterAst, boolean]>([
    ["not of a text function on null stays unknown", f.not(f.contains("notes", "x")), false],
    ["null is not equal to a value", f.ne("notes", "x"), true],
    ["not of a comparison with null is true", f.not(f.gt("creditLimit", 0)), true],
    ["unknown or true is true", f.or(f.contains("notes", "x"), f.eq("active", true)), true],
    ["unknown and true is unknown", f.and(f.contains("notes", "x"), f.eq("active", true)), false],
  ])("should answer %s", (_label, filter, expected) => {
    expect(toPredicate(filter, { field: bcField })({ notes: null, creditLimit: null, active: true })).toBe(expected);
  });

  it("should treat a blank number as missing, not as zero", () => {
    expect(toPredicate(f.eq("creditLimit", 0), { field: bcField })({ creditLimit: "" })).toBe(false);
  });
});
