import type { Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { skipsIntegrationUserRows } from "../decide/echo-suppression";
import {
  previewLine,
  previewReads,
  type LinePreview,
  type PreviewRead,
  type SideTally,
} from "../plan/full-sync-preview";
import { couplingsByIds } from "./coupling-store";
import { integrationUser, type EngineContext } from "./engine-context";
import { planFullSyncLines } from "./full-sync-lines";
import { matchUncoupled } from "./match-uncoupled";

export type FullSyncPreviewLine = LinePreview & { dependsOn: string[] };
export type FullSyncPreview = { configVersion: string; lines: FullSyncPreviewLine[] };

const other = (side: Side): Side => (side === "erp" ? "crm" : "erp");

/**
 * One side of a line, page by page as its run reads it: the uncoupled records within the filter that an earlier read
 * of the line did not claim, and how many of them have a unique uncoupled match. `claimed` stands in for the couplings
 * the run would have written by then.
 */
async function tally(
  ctx: EngineContext,
  mapping: TableMapping,
  read: PreviewRead,
  claimed: Record<Side, Set<string>>,
): Promise<SideTally> {
  const { side } = read;
  // The run's CRM → ERP pass leaves out what the integration user wrote last (plan-page); so does its preview.
  const echoUser = skipsIntegrationUserRows(side === "erp" ? "erp-to-crm" : "crm-to-erp", false)
    ? await integrationUser(ctx)
    : null;
  const result: SideTally = { uncoupled: 0, matched: 0 };
  for await (const page of ctx.connectors[side].readChanges({
    entity: mapping[side].entity,
    filter: mapping[side].filter,
    pageSize: ctx.settings.pageSize,
  })) {
    const records = echoUser ? page.records.filter((r) => r.modifiedBy?.toLowerCase() !== echoUser) : page.records;
    const coupled = await couplingsByIds(
      ctx.db,
      ctx.pairId,
      mapping.name,
      side,
      records.map((r) => r.id),
    );
    const free = records.filter((r) => !coupled.has(r.id.toLowerCase()) && !claimed[side].has(r.id.toLowerCase()));
    result.uncoupled += free.length;
    if (read.match) result.matched += (await matchUncoupled(ctx, mapping, side, free, claimed[other(side)])).size;
  }
  return result;
}

/**
 * Before Start: what each line of a full synchronization would do — couple, create in the CRM, create in the ERP, or
 * fail as unmatched — read from both systems with the run's own recommendation and matching. Writes nothing, anywhere.
 * Document lines travel with their headers and are not counted; whether a create then passes its lookups is the dry
 * run's question, not this one's.
 */
export async function previewFullSync(ctx: EngineContext): Promise<FullSyncPreview> {
  const lines: FullSyncPreviewLine[] = [];
  for (const { mapping, recommendation, dependsOn } of await planFullSyncLines(ctx)) {
    const claimed: Record<Side, Set<string>> = { erp: new Set(), crm: new Set() };
    const tallies: Partial<Record<Side, SideTally>> = {};
    for (const read of previewReads(mapping, recommendation))
      tallies[read.side] = await tally(ctx, mapping, read, claimed);
    lines.push({ ...previewLine(mapping, recommendation, tallies), dependsOn });
  }
  return { configVersion: ctx.config.version, lines };
}
