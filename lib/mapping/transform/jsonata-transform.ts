import jsonata from "jsonata";
import { Re2RegexEngine } from "./re2-regex-engine";
import { TransformError } from "./transform-error";

export const DEFAULT_EXPRESSION_TIMEOUT_MS = 100;
const MAX_DEPTH = 200;

type JsonataError = { code?: string; message?: string; position?: number };

/** JSONata's regex literals run on RE2 too: `$match($, /(a+)+$/)` ends in linear time. */
const OPTIONS = { RegexEngine: Re2RegexEngine as unknown as RegExpConstructor };

/** Every regex literal of a parsed expression, so one RE2 cannot run is refused before any evaluation. */
function checkRegexLiterals(node: unknown, seen = new Set<object>()): void {
  if (!node || typeof node !== "object" || node instanceof RegExp || seen.has(node)) return;
  seen.add(node);
  const n = node as { type?: unknown; value?: unknown };
  if (n.type === "regex" && n.value instanceof RegExp) new Re2RegexEngine(n.value);
  for (const child of Object.values(node)) checkRegexLiterals(child, seen);
}

/**
 * Parses an expression; a syntax error becomes an EXPRESSION_ERROR naming the position, and a regex literal the
 * linear-time engine cannot run a TRANSFORM_INVALID.
 */
export function compileExpression(expression: string): jsonata.Expression {
  let parsed: jsonata.Expression;
  try {
    parsed = jsonata(expression, OPTIONS);
  } catch (error) {
    const e = error as JsonataError;
    throw new TransformError(
      "EXPRESSION_ERROR",
      `JSONata: ${e.message ?? String(error)}${e.position !== undefined ? ` (at ${e.position})` : ""}`,
      "jsonata",
      e.position,
    );
  }
  checkRegexLiterals(parsed.ast());
  return parsed;
}

/**
 * Evaluates with `$` = value and `$record` = the source record. JSONata calls a hook on every step, which is where
 * the time and depth budget is checked; a runaway expression stops with EXPRESSION_TIMEOUT. The hooks live on the
 * compiled expression, so each evaluation compiles its own copy rather than sharing one across concurrent calls.
 */
export async function evaluateExpression(
  expression: string,
  value: unknown,
  record: Record<string, unknown>,
  timeoutMs = DEFAULT_EXPRESSION_TIMEOUT_MS,
): Promise<unknown> {
  const parsed = compileExpression(expression);
  const started = Date.now();
  let depth = 0;
  const check = () => {
    if (depth > MAX_DEPTH || Date.now() - started > timeoutMs) {
      throw new TransformError(
        "EXPRESSION_TIMEOUT",
        `JSONata expression ran longer than ${timeoutMs} ms or nested too deeply`,
        "jsonata",
      );
    }
  };
  const hook = (name: string, step: number) =>
    parsed.assign(Symbol.for(name) as unknown as string, () => {
      depth += step;
      check();
    });
  hook("jsonata.__evaluate_entry", 1);
  hook("jsonata.__evaluate_exit", -1);
  try {
    return await parsed.evaluate(value, { record });
  } catch (error) {
    if (error instanceof TransformError) throw error;
    const e = error as JsonataError;
    throw new TransformError("EXPRESSION_ERROR", `JSONata: ${e.message ?? String(error)}`, "jsonata");
  }
}
