import { RE2JS } from "re2js";
import { TransformError } from "./transform-error";

/**
 * Every user-written regular expression runs on RE2 (re2js): its time grows linearly with the input, so a pattern
 * like `(a+)+$` cannot backtrack for minutes. Patterns are written in JavaScript syntax and translated; constructs
 * that need backtracking (backreferences, lookaround) are refused with a TRANSFORM_INVALID error.
 */
const REGEX_FLAGS = /^[gimsuy]*$/;
const ENGINE = "Tandem runs regular expressions on a linear-time engine (RE2) so that no pattern can hang a sync";

/** The longest value a regular expression runs on (Dataverse's largest text column holds 1,048,576). */
export const MAX_REGEX_INPUT = 1_048_576;
/**
 * Linear is not free: matching with groups costs about input length × program size steps (tens of nanoseconds
 * each). Above this product a run could take more than a second, so it is refused instead of started.
 */
export const MAX_REGEX_WORK = 25_000_000;

const LOOKAROUNDS: [string, string][] = [
  ["(?<=", "a lookbehind (?<=…)"],
  ["(?<!", "a negative lookbehind (?<!…)"],
  ["(?=", "a lookahead (?=…)"],
  ["(?!", "a negative lookahead (?!…)"],
];

/** The first construct of a (valid JavaScript) pattern that RE2 cannot run, named for the user; null when none. */
export function unsupportedConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!inClass && next >= "1" && next <= "9") return `a backreference (\\${next})`;
      if (!inClass && next === "k" && pattern[i + 2] === "<") return "a named backreference (\\k<name>)";
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(") {
      const found = LOOKAROUNDS.find(([start]) => pattern.startsWith(start, i));
      if (found) return found[1];
    }
  }
  return null;
}

function engineFlags(flags: string): number {
  return (
    (flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0) |
    (flags.includes("m") ? RE2JS.MULTILINE : 0) |
    (flags.includes("s") ? RE2JS.DOTALL : 0)
  );
}

const cache = new Map<string, RE2JS>();
const CACHE_SIZE = 200;

/**
 * Compiles a JavaScript-syntax pattern with flags g/i/m/s/u (g is the caller's business, u changes nothing: RE2
 * always matches code points). Throws TRANSFORM_INVALID for a broken pattern, an unknown flag, the sticky flag, or
 * a construct RE2 cannot run.
 */
export function compileLinearRegex(pattern: string, flags: string | undefined, transform: string): RE2JS {
  const given = flags ?? "";
  const key = `${given}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!REGEX_FLAGS.test(given))
    throw new TransformError("TRANSFORM_INVALID", `Unknown regular-expression flags "${flags}"`, transform);
  try {
    // Only checks the syntax: compiling a JavaScript RegExp runs nothing.
    new RegExp(pattern, given);
  } catch (error) {
    throw new TransformError("TRANSFORM_INVALID", `Invalid regular expression: ${(error as Error).message}`, transform);
  }
  if (given.includes("y"))
    throw new TransformError("TRANSFORM_INVALID", `The "y" (sticky) flag is not supported. ${ENGINE}.`, transform);
  const construct = unsupportedConstruct(pattern);
  if (construct)
    throw new TransformError(
      "TRANSFORM_INVALID",
      `The regular expression uses ${construct}, which is not supported. ${ENGINE}.`,
      transform,
    );
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), engineFlags(given));
  } catch (error) {
    throw new TransformError(
      "TRANSFORM_INVALID",
      `The regular expression is not supported (${(error as Error).message}). ${ENGINE}.`,
      transform,
    );
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Refuses a value too long for the pattern before any work starts: TRANSFORM_INPUT. */
export function checkRegexWork(regex: RE2JS, length: number, transform: string): void {
  if (length > MAX_REGEX_INPUT)
    throw new TransformError(
      "TRANSFORM_INPUT",
      `${transform} works on at most ${MAX_REGEX_INPUT} characters; the value has ${length}`,
      transform,
    );
  if (length * regex.programSize() > MAX_REGEX_WORK)
    throw new TransformError(
      "TRANSFORM_INPUT",
      `${transform}: the pattern is too complex for a value of ${length} characters`,
      transform,
    );
}
