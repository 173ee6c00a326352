import { isIP } from "node:net";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/*
 * `next start` gives route handlers and server actions no socket address: it only fills in X-Forwarded-For from the
 * socket when the request came without one (`??=` in Next's base server), so without a proxy the header is whatever
 * the client chose. Only entries appended by proxies we trust are believed: the one the outermost of
 * TRUSTED_PROXIES proxies wrote, counted from the right. With none configured there is no trustworthy address.
 */

const TrustedProxies = z.coerce
  .number({ error: "TRUSTED_PROXIES must be a whole number of proxies (0–10)" })
  .int("TRUSTED_PROXIES must be a whole number of proxies (0–10)")
  .min(0, "TRUSTED_PROXIES must be a whole number of proxies (0–10)")
  .max(10, "TRUSTED_PROXIES must be a whole number of proxies (0–10)");

/** How many reverse proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXIES, default 0). */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXIES?.trim();
  if (!raw) return 0;
  const parsed = TrustedProxies.safeParse(raw);
  if (!parsed.success) throw new AppError("CONFIGURATION", parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The caller's address as the outermost trusted proxy saw it; null when no trusted proxy vouches for one. */
export function clientIp(headers: Headers, trustedProxies = trustedProxyCount()): string | null {
  if (trustedProxies === 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: a proxy did not append, so the header cannot be told apart from a forged one.
  if (entries.length < trustedProxies) return null;
  return normaliseAddress(entries[entries.length - trustedProxies]!);
}

/** A bare IPv4 or IPv6 address (ports and brackets dropped, IPv4-mapped IPv6 unwrapped), or null. */
export function normaliseAddress(value: string): string | null {
  let address = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address : null;
}
