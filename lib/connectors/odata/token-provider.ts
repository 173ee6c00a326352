import { ConnectorError } from "./connector-error";

export type FetchLike = (request: Request) => Promise<Response>;

export type ClientCredentials = { tokenUrl: string; clientId: string; clientSecret: string; scope: string };

/** Something that hands out bearer tokens; a connector asks before every request and forgets one on a 401. */
export interface TokenProvider {
  token(): Promise<string>;
  invalidate(): void;
}

/**
 * OAuth2 client credentials: one token at a time, reused until shortly before it expires, refreshed by one request
 * however many callers wait. The secret is sent to the token endpoint only and never appears in errors.
 */
export class ClientCredentialsTokens implements TokenProvider {
  private current?: { value: string; expiresAt: number };
  private pending?: Promise<string>;
  requests = 0;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly fetch: FetchLike,
    private readonly now: () => number = Date.now,
  ) {}

  token(): Promise<string> {
    if (this.current && this.current.expiresAt > this.now()) return Promise.resolve(this.current.value);
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.current = undefined;
  }

  private async fetchToken(): Promise<string> {
    this.requests++;
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
      scope: this.credentials.scope,
    });
    let response: Response;
    try {
      response = await this.fetch(
        new Request(this.credentials.tokenUrl, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
    } catch (error) {
      throw new ConnectorError(
        "NETWORK",
        `Cannot reach the token endpoint ${new URL(this.credentials.tokenUrl).host}: ${(error as Error).message}`,
      );
    }
    const payload = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !payload.access_token) {
      throw new ConnectorError(
        "TOKEN",
        `The token endpoint refused client ${this.credentials.clientId}: ${payload.error_description ?? payload.error ?? `HTTP ${response.status}`}`,
        { status: response.status, serviceCode: payload.error },
      );
    }
    const lifetimeMs = (payload.expires_in ?? 3600) * 1000;
    // Renew a little early: a token that expires in flight fails the request it was sent with.
    this.current = {
      value: payload.access_token,
      expiresAt: this.now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10),
    };
    return payload.access_token;
  }
}
