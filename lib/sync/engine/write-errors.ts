import type { WriteResult } from "@/lib/connectors/connector";
import type { RecordError } from "../model/sync-error-codes";

const UNAVAILABLE = new Set(["SERVER_ERROR", "THROTTLED", "TIMEOUT"]);

/** A refused write as the record's error: changed meanwhile, the service unavailable for it, or refused outright. */
export function writeError(result: WriteResult & { ok: false }): RecordError {
  const detail =
    [
      result.error.status ? `HTTP ${result.error.status}` : null,
      result.error.serviceCode ? `service code ${result.error.serviceCode}` : null,
    ]
      .filter(Boolean)
      .join(", ") || undefined;
  if (result.error.code === "PRECONDITION_FAILED")
    return {
      code: "CHANGED_DURING_SYNC",
      message: "The destination record changed after it was read; it is synchronized again on the next run.",
      detail,
    };
  if (UNAVAILABLE.has(result.error.code))
    return {
      code: "SERVICE_UNAVAILABLE",
      message: `The destination did not take this record after retries (${result.error.message}); it is tried again on the next run.`,
      detail,
    };
  return { code: "WRITE_FAILED", message: result.error.message, detail };
}

const PASSING = new Set(["CHANGED_DURING_SYNC", "SERVICE_UNAVAILABLE", "READ_FAILED", "RULE_PAGE_FAILED"]);

/**
 * Errors that say nothing about the record itself: they never count toward skipping it (§4.10), and an uncoupled
 * record that meets one holds the watermark back, so the next run reads it again.
 */
export const passingError = (error: RecordError): boolean => PASSING.has(error.code);
