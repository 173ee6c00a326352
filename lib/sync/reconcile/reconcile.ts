import { and, asc, eq, gt } from "drizzle-orm";
import { couplings, type ReconciliationReport } from "@/db/schema";
import type { ConnectorRecord } from "@/lib/connectors/connector";
import type { Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { couplingsByIds, toState } from "../engine/coupling-store";
import type { EngineContext } from "../engine/engine-context";
import { idOn, type CouplingState } from "../model/coupling-state";
import { comparePairs, type CoupledPair } from "./compare-pairs";
import { nameOf } from "./record-name";
import { ReportBuilder } from "./report-builder";

/** Told after every page how many records each side has read; answers false to stop (the admin cancelled). */
export type ReconcileProgress = (read: { erp: number; crm: number }) => Promise<boolean>;
export class ReconcileCancelled extends Error {}

const other = (side: Side): Side => (side === "erp" ? "crm" : "erp");

/**
 * Reads both systems within the mapping's filters, a page at a time, and reports what agrees: coupled, uncoupled on
 * each side, couplings whose counterpart vanished, pairs whose mapped values differ. It writes nothing.
 */
export async function reconcile(
  ctx: EngineContext,
  mapping: TableMapping,
  progress: ReconcileProgress,
): Promise<{ report: ReconciliationReport; driftedErpIds: string[] }> {
  const builder = new ReportBuilder();
  const seen = new Set<string>();
  const read = { erp: 0, crm: 0 };
  for (const side of ["erp", "crm"] as const) {
    for await (const page of ctx.connectors[side].readChanges({
      entity: mapping[side].entity,
      filter: mapping[side].filter,
      pageSize: ctx.settings.pageSize,
    })) {
      const ids = page.records.map((r) => r.id);
      const coupled = await couplingsByIds(ctx.db, ctx.pairId, mapping.name, side, ids);
      const fresh: { coupling: CouplingState; record: ConnectorRecord }[] = [];
      for (const record of page.records) {
        const coupling = coupled.get(record.id.toLowerCase());
        if (!coupling) builder.uncoupled(side, { id: record.id, name: nameOf(ctx, mapping, side, record) });
        else if (!seen.has(coupling.id)) fresh.push({ coupling, record });
      }
      await pairUp(ctx, mapping, side, fresh, builder, seen);
      read[side] += page.records.length;
      if (side === "erp") builder.report.erpInFilter += page.records.length;
      else builder.report.crmInFilter += page.records.length;
      if (!(await progress(read))) throw new ReconcileCancelled();
    }
  }
  await outsideFilters(ctx, mapping, builder, seen);
  return { report: builder.report, driftedErpIds: builder.driftedErpIds };
}

/** The counterparts of one side's coupled records, read by id: a missing one vanished, the others are compared. */
async function pairUp(
  ctx: EngineContext,
  mapping: TableMapping,
  side: Side,
  found: { coupling: CouplingState; record: ConnectorRecord }[],
  builder: ReportBuilder,
  seen: Set<string>,
): Promise<void> {
  const far = other(side);
  const counterparts = new Map(
    (
      await ctx.connectors[far].readByIds(
        mapping[far].entity,
        found.map((f) => idOn(f.coupling, far)),
      )
    ).map((r) => [r.id.toLowerCase(), r]),
  );
  const pairs: CoupledPair[] = [];
  for (const { coupling, record } of found) {
    seen.add(coupling.id);
    const counterpart = counterparts.get(idOn(coupling, far).toLowerCase());
    if (!counterpart)
      builder.vanished({ couplingId: coupling.id, erpId: coupling.erpId, crmId: coupling.crmId, missing: far });
    else
      pairs.push(
        side === "erp" ? { coupling, erp: record, crm: counterpart } : { coupling, erp: counterpart, crm: record },
      );
  }
  await comparePairs(ctx, mapping, pairs, builder);
}

const COUPLING_PAGE = 2000;

/** Couplings neither side's filtered read met: both records are outside the filters, or one or both vanished. */
async function outsideFilters(ctx: EngineContext, mapping: TableMapping, builder: ReportBuilder, seen: Set<string>) {
  for (let after = ""; ;) {
    const rows = await ctx.db
      .select()
      .from(couplings)
      .where(
        and(
          eq(couplings.pairId, ctx.pairId),
          eq(couplings.mappingName, mapping.name),
          gt(couplings.id, after || "00000000-0000-0000-0000-000000000000"),
        ),
      )
      .orderBy(asc(couplings.id))
      .limit(COUPLING_PAGE);
    if (!rows.length) return;
    after = rows.at(-1)!.id;
    const unseen = rows.filter((r) => !seen.has(r.id)).map(toState);
    if (!unseen.length) continue;
    const missingErp = new Set(
      await ctx.connectors.erp.findMissing(
        mapping.erp.entity,
        unseen.map((c) => c.erpId),
      ),
    );
    const missingCrm = new Set(
      await ctx.connectors.crm.findMissing(
        mapping.crm.entity,
        unseen.map((c) => c.crmId),
      ),
    );
    for (const c of unseen) {
      const erpGone = missingErp.has(c.erpId);
      const crmGone = missingCrm.has(c.crmId);
      if (erpGone || crmGone)
        builder.vanished({
          couplingId: c.id,
          erpId: c.erpId,
          crmId: c.crmId,
          missing: erpGone && crmGone ? "both" : erpGone ? "erp" : "crm",
        });
    }
  }
}
