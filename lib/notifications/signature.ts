import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Tandem-Signature";
export const TIMESTAMP_HEADER = "X-Tandem-Timestamp";
/** How old a signed request a receiver should accept: replays of a captured request fail after it. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`: the timestamp is signed so it cannot be swapped. */
export function signatureOf(body: string, secret: string, timestamp: number): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

/** The two headers of a signed request, stamped with the time of this attempt. */
export function signatureHeaders(body: string, secret: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { [SIGNATURE_HEADER]: signatureOf(body, secret, timestamp), [TIMESTAMP_HEADER]: String(timestamp) };
}

/** A receiver's check: the signature matches (in constant time) and the timestamp is recent. */
export function verifySignature(input: {
  body: string;
  secret: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  now?: number;
  toleranceSeconds?: number;
}): boolean {
  const { body, secret, signature, timestamp } = input;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  const age = Math.abs((input.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureOf(body, secret, Number(timestamp)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
