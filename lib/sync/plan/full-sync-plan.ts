import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { SyncRule } from "../rules/sync-rule";

/** BC's Initial Synch Recommendation (§5.4), minus the obsolete "dependency not satisfied". */
export type Recommendation = "full" | "couple" | "none";
export const LINE_STATUSES = ["pending", "queued", "running", "finished", "failed", "blocked"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/**
 * Lines of a full synchronization (§5.4): every mapping except document lines, which travel with their header, and
 * those a rule says are no line at all (BC: sales orders unless in bidirectional order mode).
 */
export function fullSyncMappings(
  config: RuntimeConfig,
  rules: readonly Pick<SyncRule, "fullSyncLine">[] = [],
): TableMapping[] {
  return config.mappings.filter(
    (mapping) => !mapping.parent && !rules.some((rule) => rule.fullSyncLine?.(mapping) === false),
  );
}

/** Both sides empty ⇒ nothing to do; both have records ⇒ couple them first; one side only ⇒ a full sync creates them. */
export function recommend(erpCount: number, crmCount: number): Recommendation {
  if (erpCount === 0 && crmCount === 0) return "none";
  return erpCount > 0 && crmCount > 0 ? "couple" : "full";
}

export type PlanLine = { mappingName: string; dependsOn: string[]; status: LineStatus };

/** Lines that may start now: pending, with every parent in the run finished (§5.4 "Start"). */
export function readyLines(lines: PlanLine[]): PlanLine[] {
  const status = new Map(lines.map((line) => [line.mappingName, line.status]));
  return lines.filter(
    (line) =>
      line.status === "pending" &&
      line.dependsOn.every((parent) => !status.has(parent) || status.get(parent) === "finished"),
  );
}

/** Pending lines that can never start because a parent failed or is blocked. */
export function blockedLines(lines: PlanLine[]): { line: PlanLine; parent: string }[] {
  const status = new Map(lines.map((line) => [line.mappingName, line.status]));
  return lines.flatMap((line) => {
    if (line.status !== "pending") return [];
    const parent = line.dependsOn.find((name) => status.get(name) === "failed" || status.get(name) === "blocked");
    return parent ? [{ line, parent }] : [];
  });
}

/** The run's state from its lines: running while anything can still move. */
export function runStatus(lines: PlanLine[]): "running" | "finished" | "failed" {
  if (lines.some((line) => line.status === "pending" || line.status === "queued" || line.status === "running"))
    return "running";
  return lines.some((line) => line.status === "failed" || line.status === "blocked") ? "failed" : "finished";
}
