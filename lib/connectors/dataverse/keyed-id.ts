import { createHash } from "node:crypto";

/**
 * The id of a record created in Dataverse with idempotency key `key`: the same every time, so a create repeated after
 * a crash (or a timeout that did reach the service) meets the record it already made instead of making a second one.
 */
export function idForKey(key: string): string {
  const hex = createHash("sha1").update(`tandem:created:${key}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
