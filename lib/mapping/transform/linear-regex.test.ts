import { describe, expect, it } from "vitest";
import { compileLinearRegex, unsupportedConstruct } from "./linear-regex";

describe("unsupportedConstruct", () => {
  it.each<[string, string, string | null]>([
    ["only supported syntax", "^SO-(\\d+)$", null],
    ["an escaped digit in a class", "[\\1]", null],
    ["a parenthesis in a class", "[(?=]", null],
    ["an escaped parenthesis", "\\(?=", null],
    ["a named group", "(?<year>\\d{4})", null],
    ["a backreference", "(a)\\1", "a backreference (\\1)"],
    ["a named backreference", "(?<c>a)\\k<c>", "a named backreference (\\k<name>)"],
    ["a lookahead", "a(?=b)", "a lookahead (?=…)"],
    ["a negative lookahead", "a(?!b)", "a negative lookahead (?!…)"],
    ["a lookbehind", "(?<=a)b", "a lookbehind (?<=…)"],
    ["a negative lookbehind", "(?<!a)b", "a negative lookbehind (?<!…)"],
  ])("should name the construct when the pattern has %s", (_label, pattern, expected) => {
    expect(unsupportedConstruct(pattern)).toBe(expected);
  });
});

describe("compileLinearRegex", () => {
  it.each<[string, string, string, string]>([
    ["JavaScript named groups", "(?<y>\\d{4})", "", "2026"],
    ["an escaped slash", "a\\/b", "", "a/b"],
    ["a \\u escape", "\\u0041", "", "A"],
    ["a Unicode property with the u flag", "\\p{L}+", "u", "Ünï"],
    ["a class of anything", "a[^]b", "", "a\nb"],
  ])("should match like JavaScript when the pattern has %s", (_label, pattern, flags, input) => {
    expect(compileLinearRegex(pattern, flags, "regex-match").exec(input)?.[0]).toBe(input);
  });

  it("should refuse a pattern when it is not valid JavaScript syntax", () => {
    expect(() => compileLinearRegex("(?i)a", "", "regex-match")).toThrow(/Invalid regular expression/);
  });
});
