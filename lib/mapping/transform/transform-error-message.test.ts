import { describe, expect, it } from "vitest";
import type { Transform } from "../model/transform";
import { applyTransforms } from "./apply-transforms";
import { TransformError } from "./transform-error";
import { transformErrorMessage } from "./transform-error-message";

const failure = (value: unknown, transforms: Transform[]) =>
  applyTransforms(value, transforms, { record: {} }).then(
    () => {
      throw new Error("the chain did not fail");
    },
    (error: unknown) => error,
  );

describe("transformErrorMessage", () => {
  it.each<[string, unknown, Transform[], string]>([
    [
      "text rules on an object",
      { a: 1 },
      [{ type: "uppercase" }],
      "The transform cannot work on this value (TRANSFORM_INPUT)",
    ],
    [
      "a pattern the linear-time engine cannot run",
      "aa",
      [{ type: "regex-match", pattern: "(a)\\1" }],
      "The transform's settings are not valid (TRANSFORM_INVALID)",
    ],
    [
      "a JSONata syntax error",
      "x",
      [{ type: "jsonata", expression: "$uppercase(" }],
      "The expression could not be evaluated at position 11 (EXPRESSION_ERROR)",
    ],
    [
      "a JSONata runtime error",
      "x",
      [{ type: "jsonata", expression: "$number('abc') + 1" }],
      "The expression could not be evaluated (EXPRESSION_ERROR)",
    ],
    [
      "a runaway JSONata expression",
      1,
      [
        {
          type: "jsonata",
          expression: "($f := function($n){ $n <= 1 ? $n : $f($n-1) + $f($n-2) }; $f(30))",
          timeoutMs: 5,
        },
      ],
      "The expression ran out of time (EXPRESSION_TIMEOUT)",
    ],
  ])("should show a fixed message and the code when a preview hits %s", async (_label, value, transforms, expected) => {
    expect(transformErrorMessage(await failure(value, transforms))).toBe(expected);
  });

  it("should keep the error's own text out when the error is internal", () => {
    const message = transformErrorMessage(new TransformError("EXPRESSION_ERROR", "JSONata: secret at /srv", "jsonata"));
    expect(message).not.toMatch(/secret|srv|JSONata/);
    expect(transformErrorMessage(new Error("TypeError: x is undefined"))).toBe(
      "The transform failed (TRANSFORM_FAILED)",
    );
  });
});
