/** Stable codes of record-level sync errors; error rows, the CLI and the console branch on these. */
export const SYNC_ERROR_CODES = {
  LOOKUP_NOT_COUPLED: "A referenced record is not coupled through the lookup's mapping",
  VALUE_NOT_MAPPED: "A value has no pair in the field's value map",
  TRANSFORM_FAILED: "A transform could not produce a value",
  UPDATE_CONFLICT: "Both records changed and a bidirectional field differs",
  DELETION_CONFLICT: "The coupled record was deleted",
  WRITE_FAILED: "The destination refused the write",
  CHANGED_DURING_SYNC: "The destination changed between read and write",
  SERVICE_UNAVAILABLE: "The destination answered 5xx, 429 or nothing for this record after retries",
  COUPLING_FAILED: "No unique uncoupled match was found",
  ALREADY_COUPLED: "The record is already coupled to another record",
  RULE_FAILED: "A rule of the integration refused the record",
  RULE_PAGE_FAILED: "A rule of the integration could not prepare the page of records",
  NOT_ISO_CURRENCY: "The currency has no ISO 4217 code",
  READ_FAILED: "The source could not be read",
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERROR_CODES;

/** A record-level failure: never aborts a job, becomes an error row and a failure marker on the coupling. */
export type RecordError = {
  code: SyncErrorCode;
  message: string;
  detail?: string;
  /** The destination field whose value failed, when one did: errors group by code and field (the root cause). */
  field?: string;
};
