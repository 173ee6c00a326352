import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a presented client secret is the registered one, in time that does not depend on where they differ:
 * both are hashed to 32 bytes first, so neither the length nor a common prefix shows in how long the answer takes.
 */
export function sameSecret(presented: string | null | undefined, registered: string): boolean {
  return timingSafeEqual(digest(presented ?? ""), digest(registered)) && presented != null;
}
