import type { ConnectorRecord } from "@/lib/connectors/connector";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { couplingsByIds } from "./coupling-store";
import type { EngineContext } from "./engine-context";
import { matchUncoupled } from "./match-uncoupled";

/** The ERP records of a mapping within its filter, a page at a time. */
export async function* pagesOf(ctx: EngineContext, mapping: TableMapping) {
  for await (const page of ctx.connectors.erp.readChanges({
    entity: mapping.erp.entity,
    filter: mapping.erp.filter,
    pageSize: ctx.settings.pageSize,
  }))
    yield page.records;
}

/**
 * The uncoupled ERP records of the picked ids (or of every page) with their unique matches, a page at a time: what
 * the coupling job couples and its preview shows. `claimed` carries the remote records given out across pages.
 */
export async function* matchPages(
  ctx: EngineContext,
  mapping: TableMapping,
  ids?: string[],
  claimed?: Set<string>,
): AsyncGenerator<{ free: ConnectorRecord[]; matches: Map<string, ConnectorRecord> }> {
  const pages = ids ? [await ctx.connectors.erp.readByIds(mapping.erp.entity, ids)] : pagesOf(ctx, mapping);
  for await (const records of pages) {
    const coupled = await couplingsByIds(
      ctx.db,
      ctx.pairId,
      mapping.name,
      "erp",
      records.map((r) => r.id),
    );
    const free = records.filter((r) => !coupled.has(r.id.toLowerCase()));
    yield { free, matches: await matchUncoupled(ctx, mapping, "erp", free, claimed) };
  }
}
