import type { Database } from "@/db/client";
import type { Connector } from "@/lib/connectors/connector";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Flow, Side } from "@/lib/mapping/model/direction";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { AppError } from "@/lib/errors";
import { DEFAULT_GUARD, type GuardSettings } from "../decide/mass-change-guard";
import type { Counters } from "../model/counters";
import type { RuleContext, SyncRule } from "../rules/sync-rule";
import { couplingsByIds } from "./coupling-store";
import type { PhaseTimer } from "./phase-timer";

export type EngineSettings = {
  /** Re-read this much before the watermark: equal timestamps and 1-second precision never lose a row. */
  overlapMs: number;
  pageSize: number;
  guard: GuardSettings;
  /** How long a run holds its mapping without renewing; a run killed outright frees it after this. */
  leaseTtlMs: number;
  /** Most per-record entries a dry run returns. */
  dryRunLimit: number;
};

// Pages of 2,000: two Dataverse batches in flight per page, and little held in memory at once.
export const DEFAULT_SETTINGS: EngineSettings = {
  overlapMs: 1000,
  pageSize: 2000,
  guard: DEFAULT_GUARD,
  leaseTtlMs: 60_000,
  dryRunLimit: 1000,
};

/** A pass's job as it ended: what a listener outside the engine is told. */
export type EndedJob = {
  jobId: string;
  pairId: string;
  mappingName: string;
  direction: Flow;
  status: "succeeded" | "failed" | "held";
  counters: Counters;
  message: string | null;
  connectionFailed: boolean;
};

/** Everything a run needs: the database, the published config, both systems, the integration's rules. */
export type EngineContext = {
  db: Database;
  /** The connection pair this engine syncs: its couplings, watermarks, intents, jobs and conflicts. */
  pairId: string;
  config: RuntimeConfig;
  connectors: Record<Side, Connector>;
  catalogs: Record<Side, SchemaCatalog>;
  rules: SyncRule[];
  settings: EngineSettings;
  now: () => Date;
  /** Lives for one run: lookups, option sets and rules keep what they fetched here. */
  cache: Map<string, unknown>;
  /** Called after every page: renews the run's lease. */
  onProgress?: () => Promise<void>;
  /** Told when a pass's job ends (notifications, usage): the composition root decides what listens. */
  onJobEnded?: (job: EndedJob) => Promise<void>;
  /** Where passes add up the time of their phases. */
  timer?: PhaseTimer;
};

export function createEngineContext(
  input: Omit<EngineContext, "settings" | "now" | "cache" | "rules"> &
    Partial<Pick<EngineContext, "now" | "rules">> & { settings?: Partial<EngineSettings> },
): EngineContext {
  return {
    rules: [],
    now: () => new Date(),
    cache: new Map(),
    ...input,
    settings: { ...DEFAULT_SETTINGS, ...(input.settings ?? {}) },
  };
}

export function findMapping(config: RuntimeConfig, name: string): TableMapping {
  const mapping = config.mappings.find((m) => m.name === name);
  if (!mapping) throw new AppError("NOT_FOUND", `The published configuration has no mapping named ${name}.`);
  return mapping;
}

export function ruleContext(ctx: EngineContext): RuleContext {
  return {
    config: ctx.config,
    connectors: ctx.connectors,
    catalogs: ctx.catalogs,
    cache: ctx.cache,
    couplingsOf: (name, side, ids) => couplingsByIds(ctx.db, ctx.pairId, name, side, ids),
  };
}

/** Runs `work` as `phase` of the context's timer, if it has one. */
export function timed<T>(ctx: { timer?: PhaseTimer }, phase: string, work: () => Promise<T>): Promise<T> {
  return ctx.timer ? ctx.timer.time(phase, work) : work();
}

/** Cached per context: the value `key` computes once per run. */
export async function cached<T>(
  ctx: { cache: Map<string, unknown> },
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (!ctx.cache.has(key)) {
    const pending = compute();
    ctx.cache.set(key, pending);
    pending.catch(() => ctx.cache.delete(key));
  }
  return (await ctx.cache.get(key)) as T;
}

/** The CRM user the integration writes as, for echo suppression. */
export function integrationUser(ctx: EngineContext): Promise<string | null> {
  return cached(ctx, "whoami", async () => (await ctx.connectors.crm.whoAmI()).userId?.toLowerCase() ?? null);
}
