/**
 * The idempotency key of a record created by `mappingName` from source record `sourceId`. It travels in the created
 * record, so a repeated create (after a crash, or a timeout that did reach the service) finds the record it made.
 */
export function creationKey(mappingName: string, sourceId: string): string {
  return `${mappingName}:${sourceId.toLowerCase()}`;
}

/** The source id a key of `mappingName` names, or null for a key of another mapping (or none). */
export function sourceOfKey(mappingName: string, key: string | null | undefined): string | null {
  const prefix = `${mappingName}:`;
  return key?.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : null;
}
