import type { Transform } from "../model/transform";
import { evaluateExpression } from "./jsonata-transform";
import { applyBuiltin, type TransformContext } from "./text-transforms";

export type { TransformContext };

/** Runs a transform chain on one value, in order. Throws TransformError; the engine turns it into a record error. */
export async function applyTransforms(
  value: unknown,
  transforms: readonly Transform[],
  context: TransformContext,
): Promise<unknown> {
  let current = value;
  for (const transform of transforms) {
    current =
      transform.type === "jsonata"
        ? await evaluateExpression(transform.expression, current, context.record, transform.timeoutMs)
        : applyBuiltin(current, transform, context);
  }
  return current;
}
