import { describe, expect, it } from "vitest";
import type { Transform } from "../model/transform";
import { checkTransforms, type FlowType } from "./check-transforms";

describe("checkTransforms", () => {
  it.each<[string, Transform[], FlowType, FlowType]>([
    ["text rules keep text", [{ type: "trim" }, { type: "uppercase" }], "string", "string"],
    ["date formatting turns a date into text", [{ type: "date-format", format: "yyyy" }], "date", "string"],
    ["decimal formatting turns a number into text", [{ type: "decimal-format" }], "decimal", "string"],
    ["JSONata makes the type unknown", [{ type: "jsonata", expression: "$" }], "integer", "unknown"],
    ["default-if-empty keeps the type", [{ type: "default-if-empty", value: 0 }], "decimal", "decimal"],
  ])("should say %s", (_label, transforms, input, output) => {
    expect(checkTransforms(transforms, input, { maxLength: 10 })).toEqual({ output, problems: [] });
  });

  it.each<[string, Transform[], FlowType, string, RegExp]>([
    ["a text rule on a number", [{ type: "uppercase" }], "decimal", "INVALID_TRANSFORM", /works on text/],
    [
      "date formatting of a boolean",
      [{ type: "date-format", format: "yyyy" }],
      "boolean",
      "INVALID_TRANSFORM",
      /works on dates/,
    ],
    ["an invalid date format", [{ type: "date-format", format: "yyyy-jj" }], "date", "INVALID_TRANSFORM", /format/],
    [
      "a broken pattern",
      [{ type: "regex-match", pattern: "[" }],
      "string",
      "INVALID_TRANSFORM",
      /Invalid regular expression/,
    ],
    ["a JSONata syntax error", [{ type: "jsonata", expression: "1 +" }], "string", "INVALID_EXPRESSION", /JSONata/],
    [
      "a backreference the linear-time engine cannot run",
      [{ type: "regex-replace", pattern: "(\\w)\\1", replaceWith: "$1" }],
      "string",
      "INVALID_TRANSFORM",
      /backreference \(\\1\).*linear-time engine/,
    ],
    [
      "a negative lookahead the linear-time engine cannot run",
      [{ type: "regex-match", pattern: "^(?!x)\\w+" }],
      "string",
      "INVALID_TRANSFORM",
      /negative lookahead.*linear-time engine/,
    ],
    [
      "a JSONata regex the linear-time engine cannot run",
      [{ type: "jsonata", expression: "$match($, /(?<n>a)\\k<n>/)" }],
      "string",
      "INVALID_TRANSFORM",
      /named backreference.*linear-time engine/,
    ],
  ])("should report %s", (_label, transforms, input, code, message) => {
    const { problems } = checkTransforms(transforms, input, { maxLength: 10 });
    expect(problems).toEqual([{ index: 0, code, message: expect.stringMatching(message) }]);
  });

  it("should report truncate with no length when the target has none", () => {
    expect(checkTransforms([{ type: "truncate" }], "string", {}).problems[0]?.message).toMatch(/no length/);
  });

  it("should not judge truncate when the target field is unknown", () => {
    expect(checkTransforms([{ type: "truncate" }], "string", undefined).problems).toEqual([]);
  });
});
