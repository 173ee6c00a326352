import type { SyncJobError } from "@/db/schema";
import type { FullSyncStatus } from "@/lib/services/sync/get-full-sync";
import { COUNTER_NAMES, type Counters } from "@/lib/sync/model/counters";
import type { PassResult } from "@/lib/sync/engine/run-pass";

const HEAD = [
  "mapping".padEnd(22),
  "direction".padEnd(11),
  "status".padEnd(10),
  ...COUNTER_NAMES.map((n) => n.padStart(9)),
].join(" ");

function row(mapping: string, direction: string, status: string, counters: Partial<Counters>): string {
  return [
    mapping.padEnd(22),
    direction.padEnd(11),
    status.padEnd(10),
    ...COUNTER_NAMES.map((n) => String(counters[n] ?? 0).padStart(9)),
  ].join(" ");
}

/** The job counters of each pass, as a table. */
export function passTable(passes: PassResult[]): string {
  return (
    [
      HEAD,
      ...passes.map((p) => row(p.mappingName, p.flow, p.status, p.counters) + (p.message ? `\n  ${p.message}` : "")),
    ].join("\n") + "\n"
  );
}

/** Each mapping of a full synchronization: recommendation, line status, and each direction's counters. */
export function fullSyncTable(status: FullSyncStatus): string {
  const lines = [HEAD];
  for (const line of status.lines) {
    const passes = [
      ["erp-to-crm", line.erpToCrm],
      ["crm-to-erp", line.crmToErp],
    ] as const;
    const shown = passes.filter(([, pass]) => pass);
    if (!shown.length)
      lines.push(
        row(line.mapping, "-", line.status, {}) +
          `  (${line.recommendation}${line.message ? `: ${line.message}` : ""})`,
      );
    for (const [direction, pass] of shown)
      lines.push(row(line.mapping, direction, line.status, pass!) + `  (${line.recommendation})`);
  }
  return lines.join("\n") + "\n";
}

export function errorList(errors: (SyncJobError & { mappingName: string })[], limit = 50): string {
  if (!errors.length) return "No record errors.\n";
  const shown = errors
    .slice(0, limit)
    .map((e) => `  ${e.mappingName.padEnd(20)} ${e.code.padEnd(20)} ${e.sourceId ?? "-"}  ${e.message}`);
  return `Record errors (${errors.length}):\n${shown.join("\n")}${errors.length > limit ? `\n  … and ${errors.length - limit} more` : ""}\n`;
}
