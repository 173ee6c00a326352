import type { ConnectorRecord } from "@/lib/connectors/connector";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { toPredicate } from "@/lib/mapping/filter/filter-predicate";
import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { queryFrom } from "../decide/change-detection";
import { failedCouplings } from "./coupling-store";
import type { EngineContext } from "./engine-context";

export type CandidatePage = { records: ConnectorRecord[]; retry: boolean };
export type CandidateSource =
  | { kind: "changes"; watermark: string | null }
  | { kind: "ids"; ids: string[] }
  | { kind: "children"; linkField: string; parentIds: string[] };

const ID_SLICE = 200;

/** Source records picked by id still have to pass the mapping's filter (BC's one-off clones keep it). */
function withinFilter(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  records: ConnectorRecord[],
): ConnectorRecord[] {
  const side = mapping[sourceSide(flow)];
  if (!side.filter) return records;
  const entity = findEntity(ctx.catalogs[sourceSide(flow)], side.entity);
  const keep = toPredicate(side.filter, { field: (name) => findField(entity, name) });
  return records.filter((record) => keep(record.values));
}

/**
 * The pass's source records, page by page: first the couplings whose last pass failed (retry first, §4.2), then the
 * records changed since the watermark minus the overlap — or the ids one-off work names, or a header's lines.
 */
export async function* candidatePages(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  source: CandidateSource,
): AsyncGenerator<CandidatePage> {
  const from = sourceSide(flow);
  const connector = ctx.connectors[from];
  const entity = mapping[from].entity;
  if (source.kind === "ids") {
    for (let i = 0; i < source.ids.length; i += ID_SLICE) {
      const records = await connector.readByIds(entity, source.ids.slice(i, i + ID_SLICE));
      yield { records: withinFilter(ctx, mapping, flow, records), retry: false };
    }
    return;
  }
  if (source.kind === "changes") {
    const failed = await failedCouplings(ctx.db, ctx.pairId, mapping.name, targetSide(flow));
    const ids = failed.map((coupling) => (from === "erp" ? coupling.erpId : coupling.crmId));
    for (let i = 0; i < ids.length; i += ID_SLICE) {
      const records = await connector.readByIds(entity, ids.slice(i, i + ID_SLICE));
      yield { records: withinFilter(ctx, mapping, flow, records), retry: true };
    }
  }
  const filters: (FilterAst | undefined)[] =
    source.kind === "children"
      ? chunked(source.parentIds).map((ids) => and(mapping[from].filter, f.in(source.linkField, ids)))
      : [mapping[from].filter];
  const since = source.kind === "changes" ? queryFrom(source.watermark, ctx.settings.overlapMs) : null;
  for (const filter of filters) {
    for await (const page of connector.readChanges({
      entity,
      filter,
      since: since ? { watermark: since } : undefined,
      pageSize: ctx.settings.pageSize,
    })) {
      yield { records: page.records, retry: false };
    }
  }
}

function chunked(ids: string[]): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < ids.length; i += 40) parts.push(ids.slice(i, i + 40));
  return parts;
}

const and = (a: FilterAst | undefined, b: FilterAst): FilterAst => (a ? f.and(a, b) : b);
