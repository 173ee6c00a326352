export type FilterErrorCode = "FILTER_UNKNOWN_FIELD" | "FILTER_VALUE_TYPE" | "FILTER_UNSUPPORTED";

/** A filter that cannot become OData or a predicate; `field` names the offending term. */
export class FilterError extends Error {
  constructor(
    readonly code: FilterErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "FilterError";
  }
}
