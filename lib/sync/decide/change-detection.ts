import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import { etagOn, lastResultInto, lastSyncedOn, type CouplingState } from "../model/coupling-state";

function instant(value: string | null | undefined): number | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/**
 * BC's IsModifiedAfterLastSynchronized(CRM)Record (§4.5): a record changed since the last sync when the last pass
 * into the other side failed (retry), or its modified-on is later than the one the coupling stored. Records without
 * a modified-on (option values, document lines) always count as changed; their fields are then compared one by one.
 * Dataverse stamps modified-on to the second, so an equal stamp with another ETag than the one stored is a change too.
 */
export function changedSinceLastSync(
  record: { modifiedOn: string | null; etag?: string | null },
  coupling: CouplingState,
  recordFlow: Flow,
): boolean {
  const side = sourceSide(recordFlow);
  if (lastResultInto(coupling, targetSide(recordFlow)) === "failure" && !coupling.skipped) return true;
  const modified = instant(record.modifiedOn);
  if (modified === null) return true;
  const synced = instant(lastSyncedOn(coupling, side));
  if (synced === null || modified > synced) return true;
  const stored = etagOn(coupling, side);
  return modified === synced && Boolean(record.etag) && Boolean(stored) && record.etag !== stored;
}

/** The later of two ISO instants, null-safe: coupling timestamps only move forward. */
export function laterInstant(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = instant(a);
  const tb = instant(b);
  if (ta === null) return tb === null ? null : new Date(tb).toISOString();
  if (tb === null) return new Date(ta).toISOString();
  return new Date(Math.max(ta, tb)).toISOString();
}

/** The earlier of two ISO instants; a missing one does not count. */
export function earlierInstant(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = instant(a);
  const tb = instant(b);
  if (ta === null) return tb === null ? null : new Date(tb).toISOString();
  return new Date(tb === null ? ta : Math.min(ta, tb)).toISOString();
}

/** The watermark to keep after a pass: the newest modified-on seen, never later than the pass's start (§4.2). */
export function nextWatermark(previous: string | null, newestSeen: string | null, passStartedAt: Date): string | null {
  const capped =
    newestSeen && Date.parse(newestSeen) > passStartedAt.getTime() ? passStartedAt.toISOString() : newestSeen;
  return laterInstant(previous, capped);
}

/** Where the candidate query starts: the watermark minus an overlap, so rows stamped in the same second are read again. */
export function queryFrom(watermark: string | null, overlapMs: number): string | null {
  const time = instant(watermark);
  return time === null ? null : new Date(time - overlapMs).toISOString();
}
