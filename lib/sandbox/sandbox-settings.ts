import { z } from "zod";
import { stableUuid } from "./stable-uuid";

/** Fault injection: each request may be delayed, or answered 429 / 5xx / never, at the given rates. */
export const FaultSettingsSchema = z.object({
  latencyMs: z.number().min(0).max(60_000).default(0),
  jitterMs: z.number().min(0).max(60_000).default(0),
  throttleRate: z.number().min(0).max(1).default(0),
  serverErrorRate: z.number().min(0).max(1).default(0),
  timeoutRate: z.number().min(0).max(1).default(0),
  /** How long a "timeout" fault holds the request before answering 504. */
  timeoutMs: z.number().min(0).max(600_000).default(30_000),
  retryAfterSeconds: z.number().int().min(0).max(300).default(1),
  seed: z.number().int().default(1),
  /** A record the service cannot take: every request whose body contains `text` is answered `status`, every time. */
  poison: z.object({ text: z.string().min(1), status: z.number().int().min(400).max(599) }).optional(),
});
export type FaultSettings = z.infer<typeof FaultSettingsSchema>;

export const SandboxSettingsSchema = z.object({
  /** OAuth clients allowed to get tokens for this sandbox. */
  clients: z.array(z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) })).default([]),
  tokenLifetimeSeconds: z.number().int().min(1).max(86_400).default(3600),
  /** Service protection: requests per sliding window per client (both services: 6000 per 5 minutes). */
  throttle: z
    .object({ requests: z.number().int().min(1), windowSeconds: z.number().int().min(1) })
    .default({ requests: 6000, windowSeconds: 300 }),
  /** Business Central answers at most 5 requests at once per user; more wait in a queue, then 503. */
  concurrency: z.object({ max: z.number().int().min(1), queueTimeoutMs: z.number().int().min(0) }).optional(),
  faults: FaultSettingsSchema.default(FaultSettingsSchema.parse({})),
  /** Emit relative @odata.nextLink URLs (as some OData servers do) instead of absolute ones. */
  relativeNextLinks: z.boolean().default(false),
  /**
   * Entity sets the API client may not read (its security role lacks Read / its permission set lacks the table): a
   * GET answers 403 with the service's privilege error. Tests use it for Test connection's privilege check.
   */
  deniedReads: z.array(z.string().min(1)).default([]),
  /** Dataverse: the systemuser the API client acts as (WhoAmI, _modifiedby_value). */
  applicationUserId: z.string().uuid().optional(),
  /**
   * Dataverse: whether the application user holds prvActOnBehalfOfAnotherUser (the Delegate role), so a request may
   * run as another systemuser through MSCRMCallerID / CallerObjectId. The demo's application user does.
   */
  applicationUserMayImpersonate: z.boolean().default(true),
  /** Dataverse: how old RetrieveTotalRecordCount's per-table snapshot may get before it is taken again (24 h, as on a tenant). */
  recordCountSnapshotSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(86_400),
});
export type SandboxSettings = z.infer<typeof SandboxSettingsSchema>;
export type SandboxSettingsInput = z.input<typeof SandboxSettingsSchema>;

/** The demo OAuth client both sandboxes accept out of the box; the README lists it. */
export const DEMO_CLIENT = { clientId: "tandem-sandbox-client", clientSecret: "tandem-sandbox-secret" } as const;

/** The systemuser the demo client acts as in the CRM sandbox: the integration user of the demo data. */
export const INTEGRATION_USER_ID = stableUuid("crm:systemusers:integration");

/**
 * The demo CRM administrator: whom the sandbox pages write as when no person is signed in (the CLI, the seed). A
 * signed-in person writes as their own sandbox user (lib/services/sandbox/sandbox-person.ts).
 */
export const SANDBOX_EDITOR_USER_ID = stableUuid("crm:systemusers:admin");

export function defaultSettings(system: "erp" | "crm", overrides: SandboxSettingsInput = {}): SandboxSettings {
  return SandboxSettingsSchema.parse({
    clients: [DEMO_CLIENT],
    ...(system === "erp"
      ? { concurrency: { max: 5, queueTimeoutMs: 8 * 60_000 } }
      : { applicationUserId: INTEGRATION_USER_ID }),
    ...overrides,
  });
}
