import { describe, expect, it } from "vitest";
import { f, type FilterAst } from "../model/filter";
import { crmField, erpField } from "../test/fixtures";
import { tokenize } from "../test/odata-tokens";
import { toODataFilter } from "./odata-filter";

const bc = { dialect: "business-central" as const, field: (name: string) => erpField("customers", name) };
const dv = { dialect: "dataverse" as const, field: (name: string) => crmField("accounts", name) };

describe("toODataFilter", () => {
  it.each<[string, FilterAst, typeof bc | typeof dv, string]>([
    ["a string with a quote doubled", f.eq("displayName", "O'Brien"), bc, "displayName eq 'O''Brien'"],
    ["a Business Central enum as a string", f.eq("blocked", "_x0020_"), bc, "blocked eq '_x0020_'"],
    ["a Business Central enum given by its label", f.eq("blocked", "(blank)"), bc, "blocked eq '_x0020_'"],
    ["a Dataverse option as an integer", f.eq("statecode", 0), dv, "statecode eq 0"],
    ["a Dataverse option given by its label", f.eq("prioritycode", "Urgent"), dv, "prioritycode eq 3"],
    ["a decimal", f.gt("creditLimit", 1500.5), bc, "creditLimit gt 1500.5"],
    ["a boolean", f.eq("active", true), bc, "active eq true"],
    ["a date, bare", f.ge("since", "2026-01-31"), bc, "since ge 2026-01-31"],
    [
      "a date-time, normalised to UTC",
      f.lt("lastModifiedDateTime", "2026-01-31T12:00:00+01:00"),
      bc,
      "lastModifiedDateTime lt 2026-01-31T11:00:00.000Z",
    ],
    [
      "a GUID, bare and lower case",
      f.eq("id", "6F9619FF-8B86-D011-B42D-00C04FC964FF"),
      bc,
      "id eq 6f9619ff-8b86-d011-b42d-00c04fc964ff",
    ],
    [
      "a Dataverse lookup on its _x_value property",
      f.eq("transactioncurrencyid", "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
      dv,
      "_transactioncurrencyid_value eq 6f9619ff-8b86-d011-b42d-00c04fc964ff",
    ],
    ["null", f.ne("transactioncurrencyid", null), dv, "_transactioncurrencyid_value ne null"],
    [
      "an 'in' as an or-chain on one field",
      f.in("blocked", ["Ship", "All"]),
      bc,
      "blocked eq 'Ship' or blocked eq 'All'",
    ],
    [
      "nested groups with parentheses",
      f.and(f.eq("active", true), f.or(f.eq("blocked", "Ship"), f.eq("blocked", "All"))),
      bc,
      "active eq true and (blocked eq 'Ship' or blocked eq 'All')",
    ],
    ["not", f.not(f.eq("active", true)), bc, "not (active eq true)"],
    ["a text function", f.startsWith("displayName", "Ad"), bc, "startswith(displayName,'Ad')"],
    ["an empty and", f.and(), bc, "true"],
    ["a tiny decimal without an exponent", f.gt("creditLimit", 1e-7), bc, "creditLimit gt 0.0000001"],
    ["a big decimal without an exponent", f.gt("creditLimit", 1e21), bc, "creditLimit gt 1000000000000000000000"],
    [
      "Dataverse wildcards as literals in a text function",
      f.contains("name", "50%_off [sale]"),
      dv,
      "contains(name,'50[%][_]off [[]sale]')",
    ],
    [
      "no wildcard escaping on Business Central",
      f.contains("displayName", "50%_off"),
      bc,
      "contains(displayName,'50%_off')",
    ],
  ])("should write %s", (_label, filter, options, expected) => {
    expect(toODataFilter(filter, options)).toBe(expected);
  });

  const hostile = [
    "O'Brien & Co #1",
    "100% off' or 1 eq 1 or name eq '",
    "') or (displayName ne '",
    "a'' b ''' c",
    "é ü 漢字 🚀 \u200b",
    "x eq y and z",
    "%27%20or%20true",
    "line\nbreak\ttab",
  ];
  it.each(hostile)("should keep %j as one string literal when it is a value", (value) => {
    const text = toODataFilter(f.eq("displayName", value), bc);
    expect(tokenize(text)).toEqual([
      { kind: "word", value: "displayName" },
      { kind: "word", value: "eq" },
      { kind: "string", value },
    ]);
    // And through a URL, as the client sends it.
    const url = new URL(`https://host/api/customers?${new URLSearchParams({ $filter: text })}`);
    expect(url.searchParams.get("$filter")).toBe(text);
    expect(url.search.slice(1).split("&")).toHaveLength(1);
    expect(url.hash).toBe("");
  });

  it("should keep hostile text data inside contains() when filtering on text", () => {
    const value = "50%' ) or true or contains(name,'";
    expect(tokenize(toODataFilter(f.contains("displayName", value), bc))).toEqual([
      { kind: "word", value: "contains" },
      { kind: "punct", value: "(" },
      { kind: "word", value: "displayName" },
      { kind: "punct", value: "," },
      { kind: "string", value },
      { kind: "punct", value: ")" },
    ]);
  });

  it.each<[string, FilterAst, typeof bc | typeof dv, RegExp]>([
    ["a GUID field given text", f.eq("id", "1 eq 1"), bc, /needs a GUID/],
    ["a number field given text", f.eq("creditLimit", "1 or 1 eq 1"), bc, /needs a number/],
    ["an enum field given a value it lacks", f.eq("blocked", "Nope"), bc, /needs one of/],
    ["a date field given a date-time", f.eq("since", "2026-01-31T00:00:00Z"), bc, /needs a date like/],
    ["an option set given an unknown label", f.eq("statecode", "Deleted"), dv, /needs one of 0 \(Active\)/],
    ["a text function on a number", f.contains("creditLimit", "1"), bc, /is not text/],
    ["a field name that is syntax", f.eq("name eq 'x' or id", "x"), bc, /is not a field name/],
    [
      "an or across fields on Business Central",
      f.or(f.eq("active", true), f.eq("blocked", "All")),
      bc,
      /refuses 'or' across different fields/,
    ],
    [
      "a negated and across fields on Business Central",
      f.not(f.and(f.eq("active", true), f.eq("blocked", "All"))),
      bc,
      /refuses 'or' across different fields/,
    ],
    ["an impossible date", f.eq("since", "2026-02-30"), bc, /needs a date like/],
    ["an impossible time", f.eq("lastModifiedDateTime", "2026-01-31T24:00:00Z"), bc, /needs a date and time/],
    [
      "an integer beyond 2^53",
      f.eq("creditLimit", 2 ** 60 + 1),
      {
        dialect: "dataverse" as const,
        field: (name: string) => (name === "creditLimit" ? { name, type: "integer" as const } : undefined),
      },
      /whole number/,
    ],
    ["a hexadecimal number in text", f.eq("creditLimit", "0x10"), bc, /needs a number/],
    ["an empty list", f.in("blocked", []), bc, /is empty/],
  ])("should refuse %s", (_label, filter, options, message) => {
    expect(() => toODataFilter(filter, options)).toThrow(message);
  });

  it("should allow an or across fields on Dataverse", () => {
    expect(toODataFilter(f.or(f.eq("donotemail", true), f.eq("statecode", 1)), dv)).toBe(
      "donotemail eq true or statecode eq 1",
    );
  });
});
