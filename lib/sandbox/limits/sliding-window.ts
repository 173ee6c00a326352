/** Requests per client over a sliding window; over the limit the answer says how long until a slot frees up. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  take(
    key: string,
    limit: number,
    windowMs: number,
    now = Date.now(),
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  /** Drops the keys with no request inside the window, so many one-off callers do not pile up. */
  forgetIdle(windowMs: number, now = Date.now()): void {
    for (const [key, hits] of this.hits) if (!hits.some((at) => now - at < windowMs)) this.hits.delete(key);
  }
}
