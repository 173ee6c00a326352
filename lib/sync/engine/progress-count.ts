import type { Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { EngineContext } from "./engine-context";

const EXACT_UP_TO = 5000;

/**
 * How many records one side holds within the mapping's filter, for a progress bar: exact up to 5,000 (one cheap
 * query); past that the system's estimate of the whole table will do, and reading every key would not. Null when
 * the system cannot say.
 */
export function countForProgress(ctx: EngineContext, mapping: TableMapping, side: Side): Promise<number | null> {
  const { entity, filter } = mapping[side];
  const connector = ctx.connectors[side];
  return connector
    .count(entity, filter, { exact: true, upTo: EXACT_UP_TO })
    .then(async (n) => (n < EXACT_UP_TO ? n : Math.max(n, await connector.count(entity))))
    .catch(() => null);
}
