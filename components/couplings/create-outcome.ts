import type { RunResult } from "@/lib/sync/engine/run-mapping";

export type Outcome = { ok: boolean; text: string; jobId?: string | null };

/** What Create in the other system did, from its run: created, failed (with the job that says why), already coupled. */
export function createOutcome(
  system: string,
  flow: "erp-to-crm" | "crm-to-erp",
  mapping: string,
  data: { run: RunResult; alreadyCoupled: string[] },
): Outcome {
  const pass = data.run.passes.find((p) => p.mappingName === mapping && p.flow === flow);
  const created = pass?.counters.inserted ?? 0;
  const failed = pass?.counters.failed ?? 0;
  const parts = [
    created ? `Created in ${system} and coupled: ${created} record(s).` : "",
    failed ? `Not created in ${system}: ${failed} record(s) failed; the job says why.` : "",
    data.alreadyCoupled.length ? `Already coupled: ${data.alreadyCoupled.length} record(s).` : "",
  ].filter(Boolean);
  return {
    ok: failed === 0 && created > 0,
    text: parts.join(" ") || `Nothing was created in ${system}.`,
    jobId: pass?.jobId ?? null,
  };
}
