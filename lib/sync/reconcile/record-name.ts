import type { ConnectorRecord } from "@/lib/connectors/connector";
import { findEntity } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { EngineContext } from "../engine/engine-context";

/** A record's name for a report's sample: its entity's primary name field, when it has one. */
export function nameOf(ctx: EngineContext, mapping: TableMapping, side: Side, record: ConnectorRecord) {
  const field = findEntity(ctx.catalogs[side], mapping[side].entity)?.primaryName;
  const value = field ? record.values[field] : undefined;
  return value === undefined || value === null || value === "" ? undefined : String(value);
}
