import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { carries, FLOWS, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { RecordError } from "../model/sync-error-codes";
import type { LookupResolver } from "./lookup-outcome";
import { transferFields } from "./transfer-fields";

export type DriftInput = {
  mapping: TableMapping;
  erp: Record<string, unknown>;
  crm: Record<string, unknown>;
  lookups: Record<Flow, LookupResolver>;
  targets: Record<Flow, CatalogEntity | undefined>;
};

export type Drift = { ok: true; fields: string[] } | { ok: false; error: RecordError };

/**
 * Where a coupled pair's mapped values disagree: the destination fields a sync in each carried direction would
 * change (a two-way field is counted once). Two records a sync would leave alone do not drift, whatever else differs.
 */
export async function driftedFields(input: DriftInput): Promise<Drift> {
  const fields = new Set<string>();
  for (const flow of FLOWS) {
    if (!carries(input.mapping.direction, flow)) continue;
    const [source, destination] = flow === "erp-to-crm" ? [input.erp, input.crm] : [input.crm, input.erp];
    const transfer = await transferFields({
      mapping: input.mapping,
      flow,
      source,
      destination,
      lookups: input.lookups[flow],
      target: input.targets[flow],
    });
    if (!transfer.ok) return { ok: false, error: transfer.error };
    for (const change of transfer.changes) {
      if (change.bidirectional && flow === "crm-to-erp" && carries(input.mapping.direction, "erp-to-crm")) continue;
      fields.add(flow === "erp-to-crm" ? `crm.${change.field}` : `erp.${change.field}`);
    }
  }
  return { ok: true, fields: [...fields].sort() };
}
