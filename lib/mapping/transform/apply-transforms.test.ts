import { describe, expect, it } from "vitest";
import type { Transform } from "../model/transform";
import { applyTransforms } from "./apply-transforms";
import { MAX_REGEX_INPUT } from "./linear-regex";

const record = { firstname: "Ada", lastname: "Lovelace", city: "London", empty: "" };
/** Exponential for a backtracking engine: a JavaScript RegExp takes minutes on it. */
const EVIL = `${"a".repeat(50_000)}!`;
const run = (value: unknown, transforms: Transform[], targetMaxLength?: number) =>
  applyTransforms(value, transforms, { record, targetMaxLength });

describe("applyTransforms", () => {
  it.each<[string, unknown, Transform[], unknown]>([
    ["uppercase", "Straße", [{ type: "uppercase" }], "STRASSE"],
    ["lowercase", "ÅNGSTRÖM", [{ type: "lowercase" }], "ångström"],
    ["title case", "mcdonald's o'neil-smith ÉCOLE", [{ type: "titlecase" }], "Mcdonald's O'neil-Smith École"],
    ["trim", "  padded \t", [{ type: "trim" }], "padded"],
    ["substring, 1-based", "ABCDEFG", [{ type: "substring", start: 2, length: 3 }], "BCD"],
    ["substring to the end", "ABCDEFG", [{ type: "substring", start: 5 }], "EFG"],
    ["substring of emoji by character", "😀😁😂😃", [{ type: "substring", start: 2, length: 2 }], "😁😂"],
    ["replace every occurrence", "a-b-c", [{ type: "replace", find: "-", replaceWith: "+" }], "a+b+c"],
    [
      "regular-expression replace",
      "Phone: 555 12 34",
      [{ type: "regex-replace", pattern: "\\D", replaceWith: "" }],
      "5551234",
    ],
    ["remove non-alphanumeric", "Ünïcode_#1!", [{ type: "remove-non-alphanumeric" }], "Ünïcode1"],
    [
      "regular-expression match",
      "Order SO-1042 shipped",
      [{ type: "regex-match", pattern: "SO-(\\d+)", group: 1 }],
      "1042",
    ],
    ["regular-expression match without a match", "none here", [{ type: "regex-match", pattern: "\\d+" }], ""],
    [
      "regular-expression replace with groups, $& and $$",
      "Ada Lovelace",
      [{ type: "regex-replace", pattern: "(\\w+) (\\w+)", replaceWith: "$2, $1 ($&) $$" }],
      "Lovelace, Ada (Ada Lovelace) $",
    ],
    [
      "regular-expression replace with a named group",
      "2026-03-09",
      [{ type: "regex-replace", pattern: "(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)", replaceWith: "$<d>.$<m>.$<y>" }],
      "09.03.2026",
    ],
    [
      "regular-expression match ignoring case",
      "ORDER so-7",
      [{ type: "regex-match", pattern: "So-(\\d)", flags: "gi", group: 1 }],
      "7",
    ],
    ["regular-expression match per line", "a\nb1", [{ type: "regex-match", pattern: "^b\\d$", flags: "m" }], "b1"],
    ["regular-expression match across lines", "a\nb", [{ type: "regex-match", pattern: "a.b", flags: "s" }], "a\nb"],
    [
      "regular-expression match of a group that took no part",
      "ab",
      [{ type: "regex-match", pattern: "a(x)?", group: 1 }],
      "",
    ],
    [
      "regular-expression replace after emoji",
      "😀-😀",
      [{ type: "regex-replace", pattern: "-", replaceWith: "+" }],
      "😀+😀",
    ],
    [
      "date formatting in UTC",
      "2026-03-09T23:30:00-02:00",
      [{ type: "date-format", format: "yyyy-MM-dd HH:mm" }],
      "2026-03-10 01:30",
    ],
    [
      "date formatting with text",
      "2026-03-09",
      [{ type: "date-format", format: "dd.MM.yyyy 'UTC'" }],
      "09.03.2026 UTC",
    ],
    ["decimal formatting", 1234.5, [{ type: "decimal-format", decimals: 2 }], "1234.50"],
    [
      "decimal formatting with grouping and a comma",
      1234567.891,
      [{ type: "decimal-format", decimals: 2, grouping: true, decimalSeparator: "," }],
      "1.234.567,89",
    ],
    ["truncate to the target's length", "abcdefgh", [{ type: "truncate" }], "abcde"],
    ["truncate to a given length", "abcdefgh", [{ type: "truncate", maxLength: 3 }], "abc"],
    ["default if empty", "", [{ type: "default-if-empty", value: "n/a" }], "n/a"],
    ["default if empty keeps a value", "x", [{ type: "default-if-empty", value: "n/a" }], "x"],
    [
      "concat with fields and text",
      "Lovelace",
      [{ type: "concat", parts: [{ field: "firstname" }, { value: true }, { text: "(" }], separator: " " }],
      "Ada Lovelace (",
    ],
    ["truncate by UTF-16 length without splitting an emoji", "ab😀😀", [{ type: "truncate", maxLength: 5 }], "ab😀"],
    [
      "date formatting of a time without offset as UTC",
      "2026-01-31T00:30:00",
      [{ type: "date-format", format: "yyyy-MM-dd HH:mm" }],
      "2026-01-31 00:30",
    ],
    ["decimal formatting of a blank", " ", [{ type: "decimal-format", decimals: 2 }], ""],
    [
      "a chain in order",
      "  ada  ",
      [{ type: "trim" }, { type: "uppercase" }, { type: "substring", start: 1, length: 2 }],
      "AD",
    ],
    ["null through text rules", null, [{ type: "uppercase" }, { type: "trim" }], null],
    [
      "a JSONata expression with the record",
      "x",
      [{ type: "jsonata", expression: "$record.firstname & ' from ' & $record.city" }],
      "Ada from London",
    ],
    ["a JSONata expression on the value", 12, [{ type: "jsonata", expression: "$ < 0 ? 0 : $ * 2" }], 24],
  ])("should apply %s", async (_label, value, transforms, expected) => {
    expect(await run(value, transforms, 5)).toEqual(expected);
  });

  it.each<[string, unknown, Transform[], string, RegExp]>([
    ["text rules on an object", { a: 1 }, [{ type: "uppercase" }], "TRANSFORM_INPUT", /needs text/],
    [
      "a date rule on text that is no date",
      "soon",
      [{ type: "date-format", format: "yyyy" }],
      "TRANSFORM_INPUT",
      /needs a date/,
    ],
    ["a decimal rule on text", "many", [{ type: "decimal-format" }], "TRANSFORM_INPUT", /needs a number/],
    [
      "a date that does not exist",
      "2026-02-30",
      [{ type: "date-format", format: "yyyy" }],
      "TRANSFORM_INPUT",
      /needs a date/,
    ],
    [
      "a regular expression on a value longer than the engine's limit",
      "a".repeat(MAX_REGEX_INPUT + 1),
      [{ type: "regex-match", pattern: "a+" }],
      "TRANSFORM_INPUT",
      /at most 1048576 characters/,
    ],
    [
      "a complex regular expression on a long value",
      "ab c".repeat(100_000),
      [{ type: "regex-match", pattern: "(.*a){20}" }],
      "TRANSFORM_INPUT",
      /too complex for a value of 400000 characters/,
    ],
    [
      "a regular expression with a backreference",
      "aa",
      [{ type: "regex-match", pattern: "(a)\\1" }],
      "TRANSFORM_INVALID",
      /backreference \(\\1\).*linear-time engine/,
    ],
    [
      "a regular expression with a lookahead",
      "ab",
      [{ type: "regex-replace", pattern: "a(?=b)", replaceWith: "" }],
      "TRANSFORM_INVALID",
      /lookahead \(\?=…\).*linear-time engine/,
    ],
    [
      "the sticky flag",
      "ab",
      [{ type: "regex-match", pattern: "a", flags: "y" }],
      "TRANSFORM_INVALID",
      /sticky.*linear-time engine/,
    ],
    [
      "a JSONata regex with a lookbehind",
      "ab",
      [{ type: "jsonata", expression: "$replace($, /(?<=a)b/, 'x')" }],
      "TRANSFORM_INVALID",
      /lookbehind \(\?<=…\).*linear-time engine/,
    ],
    [
      "an invalid regular expression",
      "x",
      [{ type: "regex-replace", pattern: "(", replaceWith: "" }],
      "TRANSFORM_INVALID",
      /Invalid regular expression/,
    ],
    ["unknown regex flags", "x", [{ type: "regex-match", pattern: "x", flags: "q" }], "TRANSFORM_INVALID", /flags/],
    [
      "an unknown date token",
      "2026-01-01",
      [{ type: "date-format", format: "yyyy-jj" }],
      "TRANSFORM_INVALID",
      /Invalid date format/,
    ],
    ["a JSONata syntax error", "x", [{ type: "jsonata", expression: "$uppercase(" }], "EXPRESSION_ERROR", /JSONata/],
    [
      "a JSONata runtime error",
      "x",
      [{ type: "jsonata", expression: "$number('abc') + 1" }],
      "EXPRESSION_ERROR",
      /JSONata/,
    ],
  ])("should fail with a typed error on %s", async (_label, value, transforms, code, message) => {
    await expect(run(value, transforms)).rejects.toMatchObject({
      name: "TransformError",
      code,
      message: expect.stringMatching(message),
    });
  });

  it.each<[string, Transform, unknown]>([
    ["a regular-expression match", { type: "regex-match", pattern: "(a+)+$" }, ""],
    ["a regular-expression replace", { type: "regex-replace", pattern: "(a+)+$", replaceWith: "x" }, EVIL],
    ["JSONata $match", { type: "jsonata", expression: "$match($, /(a+)+$/)" }, undefined],
    ["JSONata $replace", { type: "jsonata", expression: "$replace($, /(a+)+$/, 'x')" }, EVIL],
    ["JSONata $contains", { type: "jsonata", expression: "$contains($, /(a+)+$/)" }, false],
    ["JSONata $split", { type: "jsonata", expression: "$count($split($, /(a+)+$/))" }, 1],
  ])(
    "should end fast with no match when %s runs (a+)+$ on 50,000 characters",
    async (_label, transform, expected) => {
      const started = Date.now();
      expect(await run(EVIL, [transform])).toEqual(expected);
      expect(Date.now() - started).toBeLessThan(1000);
    },
    5000,
  );

  it("should stop a runaway JSONata expression when it exceeds its time budget", async () => {
    const started = Date.now();
    await expect(
      run(1, [
        {
          type: "jsonata",
          expression: "($f := function($n){ $n <= 1 ? $n : $f($n-1) + $f($n-2) }; $f(35))",
          timeoutMs: 30,
        },
      ]),
    ).rejects.toMatchObject({
      code: "EXPRESSION_TIMEOUT",
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("should keep concurrent JSONata evaluations apart when they run at once", async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => run(n, [{ type: "jsonata", expression: "$ * 10" }])));
    expect(results).toEqual([10, 20, 30, 40]);
  });
});
