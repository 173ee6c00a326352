import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { couplings, syncJobErrors, syncJobs } from "@/db/schema";
import type { SystemSide } from "@/db/schema/enums";
import type { CommonConnectorOptions } from "@/lib/connectors/connector-options";
import { startHarness, type Harness } from "@/lib/connectors/test/sandbox-harness";
import { compileModel } from "@/lib/mapping/compile/compile";
import type { MappingModel, RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import { TableMappingSchema, type TableMappingInput } from "@/lib/mapping/model/table-mapping";
import { testPairId } from "./test-pair";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import type { SandboxSettingsInput } from "@/lib/sandbox/sandbox-settings";
import type { BeforeRequest } from "@/lib/sandbox/serve-sandbox";
import { createEngineContext, type EngineContext, type EngineSettings } from "@/lib/sync/engine/engine-context";
import { runMapping, type RunRequest } from "@/lib/sync/engine/run-mapping";
import type { SyncRule } from "@/lib/sync/rules/sync-rule";

export type SyncHarness = {
  harness: Harness;
  /** The sandbox connection pair the engine keeps couplings, jobs and watermarks under. */
  pairId: string;
  config: RuntimeConfig;
  context: (options?: {
    pairId?: string;
    settings?: Partial<EngineSettings>;
    rules?: SyncRule[];
    connector?: Partial<CommonConnectorOptions>;
  }) => EngineContext;
  run: (mapping: string, request?: Partial<RunRequest>, ctx?: EngineContext) => ReturnType<typeof runMapping>;
  seed: (system: SystemSide, entity: string, rows: Record<string, unknown>[]) => Promise<string[]>;
  edit: (
    system: SystemSide,
    entity: string,
    id: string,
    patch: Record<string, unknown>,
    by?: string | null,
  ) => Promise<void>;
  remove: (system: SystemSide, entity: string, id: string) => Promise<void>;
  all: (
    system: SystemSide,
    entity: string,
  ) => Promise<{ id: string; data: Record<string, unknown>; modifiedAt: Date; modifiedBy: string | null }[]>;
  couplingsOf: (mapping: string) => Promise<(typeof couplings.$inferSelect)[]>;
  errorsOf: (jobId: string | null) => Promise<(typeof syncJobErrors.$inferSelect)[]>;
  jobsOf: (mapping: string) => Promise<(typeof syncJobs.$inferSelect)[]>;
  close: () => Promise<void>;
};

/** Compiles mappings (template defaults applied) against the static catalogs; throws on diagnostics. */
export function compileMappings(mappings: TableMappingInput[]): RuntimeConfig {
  const model: MappingModel = { mappings: mappings.map((m) => TableMappingSchema.parse(m)) };
  const result = compileModel(model, { catalogs: STATIC_CATALOGS });
  if (!result.config)
    throw new Error(
      `test config does not compile: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === "error"))}`,
    );
  return result.config;
}

/** Both sandboxes over HTTP on a fresh database, an engine wired to them through real connectors, and data helpers. */
export async function startSyncHarness(
  config: RuntimeConfig,
  sandbox: { crm?: SandboxSettingsInput; erp?: SandboxSettingsInput } = {},
  beforeRequest?: BeforeRequest,
): Promise<SyncHarness> {
  const harness = await startHarness(sandbox, beforeRequest);
  const db = harness.database.db;
  const stores = harness.runtime.stores;
  const pairId = await testPairId(db);
  const context: SyncHarness["context"] = (options = {}) =>
    createEngineContext({
      db,
      pairId: options.pairId ?? pairId,
      config,
      connectors: {
        erp: harness.connector("erp", options.connector),
        crm: harness.connector("crm", options.connector),
      },
      catalogs: STATIC_CATALOGS,
      rules: options.rules ?? [],
      settings: { leaseTtlMs: 5_000, ...options.settings },
    });
  return {
    harness,
    pairId,
    config,
    context,
    run: (mapping, request = {}, ctx) =>
      runMapping(ctx ?? context(), mapping, { trigger: "test", mode: "incremental", ...request }),
    seed: async (system, entity, rows) => {
      const records = rows.map((data) => ({
        id: String(data.id ?? randomUUID()),
        data: Object.fromEntries(Object.entries(data).filter(([k]) => k !== "id")),
        modifiedBy: system === "crm" ? "0e7ab9d0-0000-4000-8000-00000000ed17" : null,
      }));
      await stores[system].insertMany(entity, records, new Date());
      return records.map((r) => r.id);
    },
    edit: async (system, entity, id, patch, by = "0e7ab9d0-0000-4000-8000-00000000ed17") => {
      const existing = await stores[system].get(entity, id);
      if (!existing) throw new Error(`no ${system} ${entity} ${id}`);
      await stores[system].write(
        entity,
        {
          id,
          data: { ...existing.data, ...patch },
          modifiedBy: system === "crm" ? by : null,
          createdAt: existing.createdAt,
        },
        new Date(),
      );
    },
    remove: async (system, entity, id) => void (await stores[system].delete(entity, id, new Date())),
    all: async (system, entity) =>
      (await stores[system].query({ entity, limit: 1_000_000 })).map((r) => ({
        id: r.id,
        data: r.data,
        modifiedAt: r.modifiedAt,
        modifiedBy: r.modifiedBy,
      })),
    couplingsOf: (mapping) => db.select().from(couplings).where(eq(couplings.mappingName, mapping)),
    errorsOf: async (jobId) => (jobId ? db.select().from(syncJobErrors).where(eq(syncJobErrors.jobId, jobId)) : []),
    jobsOf: (mapping) => db.select().from(syncJobs).where(eq(syncJobs.mappingName, mapping)),
    close: () => harness.close(),
  };
}
