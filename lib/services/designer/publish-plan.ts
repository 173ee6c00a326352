import { and, count, eq, inArray } from "drizzle-orm";
import { activePairOrNull } from "../connections/active-pair";
import type { Database } from "@/db/drivers/types";
import { couplings } from "@/db/schema";
import { compileGraph } from "@/lib/mapping/compile/compile";
import { diffConfigs, type ConfigDiff } from "@/lib/mapping/diff/config-diff";
import { RuntimeConfigSchema, type RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import type { Diagnostic } from "@/lib/mapping/validate/diagnostic";
import { hasErrors } from "@/lib/mapping/validate/diagnostic";
import type { MappingVersion } from "@/db/schema";
import { loadDesignerCatalogs } from "./designer-catalogs";

export type MappingImpact = { mapping: string; coupledRecords: number; change: "added" | "removed" | "changed" };
export type PublishPlan = {
  config?: RuntimeConfig;
  diagnostics: Diagnostic[];
  diff: ConfigDiff;
  impact: MappingImpact[];
  publishedNumber: number | null;
};

/** Compiles a graph and compares it with the published version: what would change and how many coupled records it touches. */
export async function planPublish(
  db: Database,
  graph: unknown,
  published: MappingVersion | undefined,
): Promise<PublishPlan> {
  const { catalogs } = await loadDesignerCatalogs(db);
  const compiled = compileGraph(graph, { catalogs });
  const previousParse = published ? RuntimeConfigSchema.safeParse(published.runtimeConfig) : null;
  const previous = previousParse?.success ? previousParse.data : null;
  const empty: ConfigDiff = { changes: [], mappingsTouched: [] };
  if (!compiled.config || hasErrors(compiled.diagnostics))
    return { diagnostics: compiled.diagnostics, diff: empty, impact: [], publishedNumber: published?.number ?? null };
  const diff = diffConfigs(previous, compiled.config);
  const touched = diff.mappingsTouched;
  const pairId = await activePairOrNull(db);
  const coupled =
    touched.length && pairId
      ? await db
          .select({ mapping: couplings.mappingName, n: count() })
          .from(couplings)
          .where(and(eq(couplings.pairId, pairId), inArray(couplings.mappingName, touched)))
          .groupBy(couplings.mappingName)
      : [];
  const coupledBy = new Map(coupled.map((row) => [row.mapping, Number(row.n)]));
  const newNames = new Set(compiled.config.mappings.map((m) => m.name));
  const oldNames = new Set(previous?.mappings.map((m) => m.name) ?? []);
  const impact = touched.map((mapping): MappingImpact => ({
    mapping,
    coupledRecords: coupledBy.get(mapping) ?? 0,
    change: !oldNames.has(mapping) ? "added" : !newNames.has(mapping) ? "removed" : "changed",
  }));
  return {
    config: compiled.config,
    diagnostics: compiled.diagnostics,
    diff,
    impact,
    publishedNumber: published?.number ?? null,
  };
}
