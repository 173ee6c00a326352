export type TransformErrorCode = "TRANSFORM_INPUT" | "TRANSFORM_INVALID" | "EXPRESSION_ERROR" | "EXPRESSION_TIMEOUT";

/** A transform that cannot run on a value; the engine records it as the record's error. */
export class TransformError extends Error {
  constructor(
    readonly code: TransformErrorCode,
    message: string,
    readonly transform: string,
    /** Where in a JSONata expression a syntax error was found (a character offset), when known. */
    readonly position?: number,
  ) {
    super(message);
    this.name = "TransformError";
  }
}
