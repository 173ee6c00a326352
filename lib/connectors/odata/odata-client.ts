import { ConnectorError, errorFromResponse } from "./connector-error";
import { resolveWithinOrigin } from "./link-guard";
import type { FetchLike, TokenProvider } from "./token-provider";
import type { RequestMeter } from "../usage/request-meter";

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up once the waits of one call would add up to more than this. */
  maxTotalDelayMs: number;
};

export type ODataClientOptions = {
  /** The service root every relative path is resolved against (no trailing slash). */
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Per attempt; a timeout is retried like a 504. */
  timeoutMs?: number;
  /** Requests in flight at once from this client (Business Central allows 5 per user). */
  maxConcurrency?: number;
  headers?: Record<string, string>;
  /** Told of every request, 429 and outcome: the connection's health and service budget. */
  meter?: RequestMeter;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type SendOptions = { method?: string; headers?: Record<string, string>; body?: string; allow?: number[] };

const RETRYABLE = new Set([429, 502, 503, 504]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxTotalDelayMs: 120_000 };

/** Retry-After is seconds, or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The HTTP layer of both connectors: auth, retries, timeouts, concurrency and typed errors. */
export class ODataClient {
  readonly stats = { requests: 0, retries: 0, throttled: 0, waitedMs: 0, waits: [] as number[] };
  private readonly retry: RetryPolicy;
  private readonly fetchFn: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly origin: string;

  constructor(private readonly options: ODataClientOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetchFn = options.fetch ?? ((request) => fetch(request));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.origin = new URL(options.baseUrl).origin;
  }

  /**
   * An absolute URL: relative paths (and relative nextLinks) resolve against the service root or `relativeTo`. A URL
   * on another origin throws FOREIGN_ORIGIN: every request carries the connection's bearer token.
   */
  resolve(pathOrUrl: string, relativeTo?: string): string {
    const root = `${this.options.baseUrl}/`;
    const base = relativeTo ? resolveWithinOrigin(relativeTo, root, this.origin) : root;
    return resolveWithinOrigin(pathOrUrl, base, this.origin);
  }

  private async slot(): Promise<() => void> {
    const max = this.options.maxConcurrency ?? Infinity;
    if (this.running >= max) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    return () => {
      this.running--;
      this.queue.shift()?.();
    };
  }

  private backoff(attempt: number): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential * (0.5 + this.random() / 2)); // "equal jitter"
  }

  /** A bearer token for this service (Test connection's first check); fetches one when none is held. */
  authorize(): Promise<string> {
    return this.options.tokens.token();
  }

  /** Sends a request; answers the response when ok (or its status is allowed), throws ConnectorError otherwise. */
  async send(pathOrUrl: string, options: SendOptions = {}): Promise<Response> {
    try {
      const response = await this.sendWithRetries(pathOrUrl, options);
      this.options.meter?.succeeded();
      return response;
    } catch (error) {
      if (error instanceof ConnectorError) this.options.meter?.failed(error);
      throw error;
    }
  }

  private async sendWithRetries(pathOrUrl: string, options: SendOptions): Promise<Response> {
    let url = this.resolve(pathOrUrl);
    let refreshedToken = false;
    let redirects = 0;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const release = await this.slot();
      let response: Response | undefined;
      let failure: ConnectorError | undefined;
      try {
        const token = await this.options.tokens.token();
        this.stats.requests++;
        this.options.meter?.sent();
        response = await this.fetchFn(
          new Request(url, {
            method: options.method ?? "GET",
            headers: {
              Accept: "application/json",
              "OData-MaxVersion": "4.0",
              "OData-Version": "4.0",
              ...this.options.headers,
              ...options.headers,
              Authorization: `Bearer ${token}`,
            },
            body: options.body,
            // Redirects are followed here, not by fetch, so that one cannot lead the token to another origin.
            redirect: "manual",
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
          }),
        );
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        const name = (error as Error).name;
        failure =
          name === "TimeoutError" || name === "AbortError"
            ? new ConnectorError("TIMEOUT", `No answer from ${new URL(url).host} in time`)
            : new ConnectorError("NETWORK", `Cannot reach ${new URL(url).host}: ${(error as Error).message}`);
      } finally {
        release();
      }
      if (response) {
        if (response.ok || options.allow?.includes(response.status)) return response;
        const location = REDIRECTS.has(response.status) ? response.headers.get("Location") : null;
        if (location && redirects < MAX_REDIRECTS) {
          await response.body?.cancel();
          url = this.resolve(location, url);
          redirects++;
          attempt--;
          continue;
        }
        if (response.status === 401 && !refreshedToken) {
          refreshedToken = true; // the token may have expired in flight: one fresh token, then it is a real refusal
          this.options.tokens.invalidate();
          await response.body?.cancel();
          attempt--;
          continue;
        }
        const serverWait = retryAfterMs(response.headers.get("Retry-After"));
        failure = errorFromResponse(response.status, await response.text(), serverWait);
        if (response.status === 429) {
          this.stats.throttled++;
          this.options.meter?.throttled();
        }
        if (!RETRYABLE.has(response.status)) throw failure;
      }
      const wait = failure!.details.retryAfterMs ?? this.backoff(attempt);
      if (attempt >= this.retry.maxAttempts || waited + wait > this.retry.maxTotalDelayMs) {
        throw new ConnectorError(
          failure!.code,
          `${failure!.message} (gave up after ${attempt} attempts)`,
          failure!.details,
        );
      }
      this.stats.retries++;
      this.stats.waits.push(wait);
      this.stats.waitedMs += wait;
      waited += wait;
      await this.sleep(wait);
    }
  }

  async json<T>(pathOrUrl: string, options: SendOptions = {}): Promise<T> {
    const response = await this.send(pathOrUrl, options);
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new ConnectorError(
        "PROTOCOL",
        `Expected JSON from ${new URL(this.resolve(pathOrUrl)).pathname}, got: ${text.slice(0, 120)}`,
        { status: response.status },
      );
    }
  }
}

/** Query options with `$` names left as they are and values encoded; undefined ones are left out. */
export function withQuery(path: string, options: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(options)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return parts.length ? `${path}${path.includes("?") ? "&" : "?"}${parts.join("&")}` : path;
}
