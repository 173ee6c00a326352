import { TransformError, type TransformErrorCode } from "./transform-error";

/** The fallback code for an error that is not a TransformError (it carries no code of its own). */
export const UNKNOWN_TRANSFORM_ERROR = "TRANSFORM_FAILED";

const MESSAGES: Record<TransformErrorCode | typeof UNKNOWN_TRANSFORM_ERROR, string> = {
  TRANSFORM_INPUT: "The transform cannot work on this value",
  TRANSFORM_INVALID: "The transform's settings are not valid",
  EXPRESSION_ERROR: "The expression could not be evaluated",
  EXPRESSION_TIMEOUT: "The expression ran out of time",
  TRANSFORM_FAILED: "The transform failed",
};

/**
 * What a preview shows for a failed transform: a fixed sentence per code and the code, never the error's own
 * text (which can carry engine internals and the value). A JSONata syntax error adds its position.
 */
export function transformErrorMessage(error: unknown): string {
  if (!(error instanceof TransformError)) return `${MESSAGES[UNKNOWN_TRANSFORM_ERROR]} (${UNKNOWN_TRANSFORM_ERROR})`;
  const at = error.code === "EXPRESSION_ERROR" && error.position !== undefined ? ` at position ${error.position}` : "";
  return `${MESSAGES[error.code]}${at} (${error.code})`;
}
