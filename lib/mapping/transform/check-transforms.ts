import { UTCDate } from "@date-fns/utc";
import { format as formatDate } from "date-fns";
import type { FieldType } from "../model/catalog";
import type { Transform } from "../model/transform";
import { compileExpression } from "./jsonata-transform";
import { compileRegex } from "./text-transforms";
import { TransformError } from "./transform-error";

/** A value's type as it flows through a chain; "unknown" after a JSONata expression. */
export type FlowType = FieldType | "unknown";

export type TransformProblem = { index: number; code: "INVALID_TRANSFORM" | "INVALID_EXPRESSION"; message: string };

const TEXTUAL: FlowType[] = ["string", "text", "enum", "unknown"];
const TEXT_RULES = new Set([
  "uppercase",
  "lowercase",
  "titlecase",
  "trim",
  "substring",
  "replace",
  "regex-replace",
  "remove-non-alphanumeric",
  "regex-match",
  "truncate",
]);

function problemOf(error: unknown, index: number): TransformProblem {
  if (error instanceof TransformError) {
    return {
      index,
      code: error.code === "EXPRESSION_ERROR" ? "INVALID_EXPRESSION" : "INVALID_TRANSFORM",
      message: error.message,
    };
  }
  return { index, code: "INVALID_TRANSFORM", message: (error as Error).message };
}

/** Static check of one step: parameters that cannot work, and the type it produces from `input`. */
function checkOne(
  t: Transform,
  input: FlowType,
  target: TargetInfo | undefined,
): { output: FlowType; problem?: string; expression?: boolean } {
  if (TEXT_RULES.has(t.type) && !TEXTUAL.includes(input))
    return { output: "string", problem: `${t.type} works on text, but the value is ${input}` };
  switch (t.type) {
    case "regex-replace":
    case "regex-match":
      compileRegex(t.pattern, t.flags, t.type);
      return { output: "string" };
    case "truncate":
      if (t.maxLength === undefined && target && target.maxLength === undefined)
        return { output: "string", problem: "truncate has no length and the target field has no max length" };
      return { output: "string" };
    case "date-format":
      if (!["date", "datetime", "unknown", "string"].includes(input))
        return { output: "string", problem: `date-format works on dates, but the value is ${input}` };
      try {
        formatDate(new UTCDate(0), t.format);
      } catch (error) {
        throw new TransformError(
          "TRANSFORM_INVALID",
          `Invalid date format "${t.format}": ${(error as Error).message}`,
          t.type,
        );
      }
      return { output: "string" };
    case "decimal-format":
      if (!["integer", "decimal", "unknown"].includes(input))
        return { output: "string", problem: `decimal-format works on numbers, but the value is ${input}` };
      return { output: "string" };
    case "default-if-empty":
      return { output: input };
    case "concat":
      return { output: "string" };
    case "jsonata":
      compileExpression(t.expression);
      return { output: "unknown", expression: true };
    default:
      return { output: input === "text" ? "text" : "string" };
  }
}

/** The target field when the catalog knows it; without it, checks that need it are skipped. */
export type TargetInfo = { maxLength?: number };

/** Runs the static checks along a chain; returns the resulting type and every problem found. */
export function checkTransforms(
  transforms: readonly Transform[],
  input: FlowType,
  target?: TargetInfo,
): { output: FlowType; problems: TransformProblem[] } {
  const problems: TransformProblem[] = [];
  let current = input;
  transforms.forEach((transform, index) => {
    try {
      const result = checkOne(transform, current, target);
      if (result.problem) problems.push({ index, code: "INVALID_TRANSFORM", message: result.problem });
      current = result.output;
    } catch (error) {
      problems.push(problemOf(error, index));
      current = "unknown";
    }
  });
  return { output: current, problems };
}
