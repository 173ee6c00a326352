import { describe, expect, it } from "vitest";
import { f, type FilterAst } from "../model/filter";
import { filterInWords } from "./filter-words";

describe("filterInWords", () => {
  it.each<[string, FilterAst, string]>([
    ["a comparison", f.eq("blocked", false), "blocked is false"],
    ["a blank", f.eq("email", null), "email is blank"],
    ["text", { kind: "text", field: "name", op: "startswith", value: "A" }, "name starts with “A”"],
    ["a list", { kind: "in", field: "type", values: [1, 3] }, "type is one of 1, 3"],
    [
      "and within or",
      { kind: "or", items: [{ kind: "and", items: [f.eq("a", 1), f.eq("b", 2)] }, f.eq("c", 3)] },
      "(a is 1 and b is 2) or c is 3",
    ],
    ["a negation", { kind: "not", item: f.eq("state", 1) }, "not (state is 1)"],
  ])("should read %s as words", (_what, filter, words) => {
    expect(filterInWords(filter)).toBe(words);
  });
});
