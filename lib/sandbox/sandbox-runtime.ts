import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers/types";
import { sandboxSettings } from "@/db/schema";
import type { SystemSide } from "@/db/schema/enums";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SandboxTokens } from "./auth/sandbox-tokens";
import { handleTokenRequest, tokenThrottled } from "./auth/token-endpoint";
import { createBusinessCentralService } from "./business-central/bc-service";
import { createDataverseService } from "./dataverse/dataverse-service";
import { AddressWindow, type AddressLimit } from "./limits/address-window";
import { capFor, describeLimit, readCappedBody } from "./limits/body-cap";
import { ConcurrencyGate } from "./limits/concurrency-gate";
import { FaultInjector } from "./limits/faults";
import { SlidingWindow } from "./limits/sliding-window";
import { ERROR_CODES } from "./odata/odata-error";
import type { Caller } from "./sandbox-context";
import {
  defaultSettings,
  SandboxSettingsSchema,
  type SandboxSettings,
  type SandboxSettingsInput,
} from "./sandbox-settings";
import { SandboxStore } from "./store/sandbox-store";

export const SANDBOX_PATHS = {
  crm: "/sandbox/crm/api/data/v9.2",
  erp: "/sandbox/erp/api",
  token: "/sandbox/auth",
} as const;

export type SandboxRuntimeOptions = {
  db: Database;
  catalogs?: Record<SystemSide, SchemaCatalog>;
  basePaths?: { crm: string; erp: string };
  /** Fixed settings (tests, benchmarks); without them, settings come from sandbox_settings over the defaults. */
  settings?: Partial<Record<SystemSide, SandboxSettingsInput>>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Token requests per client address (default TOKEN_RATE_LIMIT). */
  tokenRateLimit?: AddressLimit;
};

type Service = (request: Request, caller: Caller, settings: SandboxSettings) => Promise<Response>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function failure(
  system: SystemSide,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "OData-Version": "4.0", ...headers } });
}

/**
 * Both simulated services behind what real ones put in front: bearer tokens, service-protection throttling,
 * Business Central's concurrency limit, and (on request) injected latency, 429s, 5xx and timeouts.
 */
export class SandboxRuntime {
  readonly stores: Record<SystemSide, SandboxStore>;
  readonly tokens: SandboxTokens;
  private readonly services: Record<SystemSide, Service>;
  private readonly windows = { erp: new SlidingWindow(), crm: new SlidingWindow() };
  private readonly faults = { erp: new FaultInjector(), crm: new FaultInjector() };
  private readonly gate = new ConcurrencyGate();
  private readonly tokenWindow: AddressWindow;
  private readonly cachedSettings = new Map<SystemSide, { settings: SandboxSettings; at: number }>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SandboxRuntimeOptions) {
    const catalogs = options.catalogs ?? STATIC_CATALOGS;
    const paths = options.basePaths ?? SANDBOX_PATHS;
    this.stores = { erp: new SandboxStore(options.db, "erp"), crm: new SandboxStore(options.db, "crm") };
    this.tokens = new SandboxTokens(options.db);
    this.sleep = options.sleep ?? realSleep;
    this.tokenWindow = new AddressWindow(options.tokenRateLimit);
    this.services = {
      crm: createDataverseService({
        store: this.stores.crm,
        catalog: catalogs.crm,
        basePath: paths.crm,
        now: options.now,
      }),
      erp: createBusinessCentralService({
        store: this.stores.erp,
        catalog: catalogs.erp,
        basePath: paths.erp,
        now: options.now,
      }),
    };
  }

  async settings(system: SystemSide): Promise<SandboxSettings> {
    const fixed = this.options.settings?.[system];
    if (fixed) return defaultSettings(system, fixed);
    const cached = this.cachedSettings.get(system);
    if (cached && Date.now() - cached.at < 1000) return cached.settings;
    const [row] = await this.options.db
      .select()
      .from(sandboxSettings)
      .where(eq(sandboxSettings.system, system))
      .limit(1);
    const stored = row ? SandboxSettingsSchema.partial().safeParse(row.settings) : undefined;
    const settings = defaultSettings(system, stored?.success ? stored.data : {});
    this.cachedSettings.set(system, { settings, at: Date.now() });
    return settings;
  }

  forgetSettings(): void {
    this.cachedSettings.clear();
  }

  /**
   * The token endpoint. `clientAddress` is the caller's address over the network, limited per address; requests made
   * in-process (the app's own sandbox connections) pass none.
   */
  token(request: Request, clientAddress?: string): Promise<Response> {
    if (clientAddress !== undefined) {
      const verdict = this.tokenWindow.take(clientAddress);
      if (!verdict.allowed) return Promise.resolve(tokenThrottled(verdict.retryAfterSeconds));
    }
    return handleTokenRequest(request, this.tokens, (system) => this.settings(system));
  }

  async handle(system: SystemSide, incoming: Request): Promise<Response> {
    const settings = await this.settings(system);
    // The bearer token before anything else: an anonymous caller meets no injected delay or fault and gets nothing
    // buffered.
    const token = /^Bearer\s+(.+)$/i.exec(incoming.headers.get("Authorization") ?? "")?.[1];
    const holder = token ? await this.tokens.verify(token) : null;
    if (!holder || holder.system !== system)
      return new Response(null, { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });

    const dialect = system === "crm" ? "dataverse" : "business-central";
    const body = await readCappedBody(incoming, capFor(incoming));
    if (!body.ok)
      return failure(
        system,
        413,
        ERROR_CODES[dialect].bodyTooLarge,
        `The request body is larger than the ${describeLimit(body.limit)} this service accepts.`,
      );
    const request = body.request;
    const fault = this.faults[system].next(settings.faults);
    if (fault.delayMs > 0) await this.sleep(fault.delayMs);
    const throttled = (seconds: number, message: string) =>
      failure(system, 429, ERROR_CODES[dialect].throttled, message, { "Retry-After": String(seconds) });
    const window = this.windows[system].take(
      holder.clientId,
      settings.throttle.requests,
      settings.throttle.windowSeconds * 1000,
    );
    if (!window.allowed)
      return throttled(
        window.retryAfterSeconds,
        `Number of requests exceeded the limit of ${settings.throttle.requests} over time window of ${settings.throttle.windowSeconds} seconds.`,
      );
    if (fault.kind === "throttle")
      return throttled(settings.faults.retryAfterSeconds, "Number of requests exceeded the limit (injected fault).");
    if (fault.kind === "server-error")
      return failure(system, 503, "ServiceUnavailable", "The service is temporarily unavailable (injected fault).");
    const poison = settings.faults.poison;
    if (poison && request.method !== "GET" && (await request.clone().text()).includes(poison.text)) {
      if (poison.status === 429)
        return throttled(settings.faults.retryAfterSeconds, "Number of requests exceeded the limit (injected fault).");
      return failure(
        system,
        poison.status,
        poison.status === 504 ? "GatewayTimeout" : "InternalServerError",
        "The service failed on this request (injected fault).",
      );
    }
    if (fault.kind === "timeout") {
      await this.sleep(settings.faults.timeoutMs);
      return failure(system, 504, "GatewayTimeout", "The request timed out (injected fault).");
    }
    const release = settings.concurrency
      ? await this.gate.acquire(
          `${system}:${holder.clientId}`,
          settings.concurrency.max,
          settings.concurrency.queueTimeoutMs,
        )
      : () => {};
    if (!release)
      return failure(
        system,
        503,
        "ServiceUnavailable",
        "The request waited too long for one of the concurrent request slots.",
      );
    try {
      return await this.services[system](request, { clientId: holder.clientId, userId: null }, settings);
    } finally {
      release();
    }
  }
}
