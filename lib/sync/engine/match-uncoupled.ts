import type { ConnectorRecord } from "@/lib/connectors/connector";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import type { Side } from "@/lib/mapping/model/direction";
import type { MatchGroup, TableMapping } from "@/lib/mapping/model/table-mapping";
import { activePairs, pickMatch } from "../plan/match-records";
import { couplingsByIds } from "./coupling-store";
import type { EngineContext } from "./engine-context";
import { readAll } from "./read-records";

const other = (side: Side): Side => (side === "erp" ? "crm" : "erp");

/** Match groups seen from `local`: pickMatch reads the local value under `erp` and the remote one under `crm`. */
function groupsFrom(groups: MatchGroup[], local: Side): MatchGroup[] {
  return local === "erp"
    ? groups
    : groups.map((g) => ({ ...g, fields: g.fields.map((p) => ({ ...p, erp: p.crm, crm: p.erp })) }));
}

/** Remote records that could match any of the records under one group: one query per slice of records. */
async function candidatesFor(
  ctx: EngineContext,
  mapping: TableMapping,
  remote: Side,
  group: MatchGroup,
  records: ConnectorRecord[],
): Promise<ConnectorRecord[]> {
  const terms: FilterAst[] = [];
  for (const record of records) {
    const pairs = activePairs(group, record.values);
    if (pairs.length !== group.fields.length) continue;
    const ands = pairs.map((p) => f.eq(p.crm, record.values[p.erp] as string | number | boolean));
    terms.push(ands.length === 1 ? ands[0]! : f.and(...ands));
  }
  const found: ConnectorRecord[] = [];
  const side = mapping[remote];
  for (let i = 0; i < terms.length; i += 25) {
    const any = terms.slice(i, i + 25);
    const match = any.length === 1 ? any[0]! : f.or(...any);
    found.push(
      ...(await readAll(ctx.connectors[remote], {
        entity: side.entity,
        filter: side.filter ? f.and(side.filter, match) : match,
      })),
    );
  }
  return found;
}

/**
 * Match-based coupling (§3.3) for uncoupled `local` records: per record the first priority group with exactly one
 * uncoupled match wins. A remote record is given to one local record only. Returns local id → matched remote record.
 * `claimed` (remote ids, lower case) counts as coupled and grows with each match: a caller that writes no couplings
 * between pages (the full synchronization's preview) passes one set to every page.
 */
export async function matchUncoupled(
  ctx: EngineContext,
  mapping: TableMapping,
  local: Side,
  records: ConnectorRecord[],
  claimed = new Set<string>(),
): Promise<Map<string, ConnectorRecord>> {
  const matched = new Map<string, ConnectorRecord>();
  if (!mapping.match || !records.length) return matched;
  const remote = other(local);
  const groups = groupsFrom(mapping.match.groups, local);
  const candidates = new Map<string, ConnectorRecord>();
  for (const group of groups)
    for (const record of await candidatesFor(ctx, mapping, remote, group, records))
      candidates.set(record.id.toLowerCase(), record);
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, mapping.name, remote, [...candidates.keys()]);
  const list = [...candidates.values()];
  for (const record of records) {
    const result = pickMatch(
      record.values,
      list,
      groups,
      (id) => coupled.has(id.toLowerCase()) || claimed.has(id.toLowerCase()),
    );
    if (result.kind !== "unique") continue;
    claimed.add(result.id.toLowerCase());
    matched.set(record.id.toLowerCase(), candidates.get(result.id.toLowerCase())!);
  }
  return matched;
}
