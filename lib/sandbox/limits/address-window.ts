import { SlidingWindow } from "./sliding-window";

export type AddressLimit = { requests: number; windowSeconds: number };

/** The token endpoint's default: a client asks for a token once an hour; sixty a minute is a client gone wrong. */
export const TOKEN_RATE_LIMIT: AddressLimit = { requests: 60, windowSeconds: 60 };

/** Requests per client address over a sliding window; forgets addresses once their window has passed. */
export class AddressWindow {
  private readonly window = new SlidingWindow();
  private seen = 0;

  constructor(private readonly limit: AddressLimit = TOKEN_RATE_LIMIT) {}

  take(address: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (++this.seen % 1000 === 0) this.window.forgetIdle(this.limit.windowSeconds * 1000, now);
    return this.window.take(address, this.limit.requests, this.limit.windowSeconds * 1000, now);
  }
}
