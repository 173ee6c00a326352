import type { ConnectorRecord } from "@/lib/connectors/connector";
import { findEntity } from "@/lib/mapping/model/catalog";
import { carries, FLOWS, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { driftedFields } from "../decide/drifted-fields";
import { NO_LOOKUPS, type LookupResolver } from "../decide/lookup-outcome";
import type { EngineContext } from "../engine/engine-context";
import { prepareLookups } from "../engine/lookup-resolver";
import type { CouplingState } from "../model/coupling-state";
import { nameOf } from "./record-name";
import type { ReportBuilder } from "./report-builder";

export type CoupledPair = { coupling: CouplingState; erp: ConnectorRecord; crm: ConnectorRecord };

/** Compares a page of coupled pairs as a sync would see them: lookups read once for the page, per direction. */
export async function comparePairs(
  ctx: EngineContext,
  mapping: TableMapping,
  pairs: CoupledPair[],
  report: ReportBuilder,
): Promise<void> {
  if (!pairs.length) return;
  const lookups: Record<Flow, LookupResolver> = { "erp-to-crm": NO_LOOKUPS, "crm-to-erp": NO_LOOKUPS };
  for (const flow of FLOWS) {
    if (!carries(mapping.direction, flow)) continue;
    const sources = pairs.map((p) => (flow === "erp-to-crm" ? p.erp : p.crm));
    lookups[flow] = await prepareLookups(ctx, mapping, flow, sources);
  }
  const targets = {
    "erp-to-crm": findEntity(ctx.catalogs.crm, mapping.crm.entity),
    "crm-to-erp": findEntity(ctx.catalogs.erp, mapping.erp.entity),
  };
  for (const { coupling, erp, crm } of pairs) {
    report.report.coupled++;
    const ids = {
      couplingId: coupling.id,
      erpId: coupling.erpId,
      crmId: coupling.crmId,
      name: nameOf(ctx, mapping, "erp", erp),
    };
    const drift = await driftedFields({ mapping, erp: erp.values, crm: crm.values, lookups, targets });
    if (!drift.ok) report.unresolved({ ...ids, code: drift.error.code, message: drift.error.message });
    else if (drift.fields.length) report.drifted({ ...ids, fields: drift.fields });
  }
}
