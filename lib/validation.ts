import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Parses with zod and turns a failure into a VALIDATION_FAILED AppError with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  // Messages name their field already; fieldErrors carries the path for forms that show errors in place.
  throw new AppError("VALIDATION_FAILED", result.error.issues[0]?.message ?? "Invalid input", { fieldErrors });
}
