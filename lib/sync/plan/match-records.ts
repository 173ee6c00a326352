import { carries } from "@/lib/mapping/model/direction";
import type { MatchGroup, TableMapping } from "@/lib/mapping/model/table-mapping";
import { isBlank, sameValue } from "../decide/compare-values";

type Values = Record<string, unknown>;
export type MatchCandidate = { id: string; values: Values };
export type MatchResult = { kind: "unique"; id: string; priority: number } | { kind: "none" };

/** The group's field pairs that take part for this record: empty text on the local side is ignored (§3.3). */
export function activePairs(group: MatchGroup, local: Values): MatchGroup["fields"] {
  return group.fields.filter((pair) => !isBlank(local[pair.erp]));
}

function fieldMatches(localValue: unknown, remoteValue: unknown, caseSensitive: boolean): boolean {
  if (typeof localValue === "string" && typeof remoteValue === "string") {
    return caseSensitive
      ? localValue === remoteValue
      : localValue.toLocaleLowerCase() === remoteValue.toLocaleLowerCase();
  }
  return sameValue(remoteValue, localValue);
}

export function matchesGroup(local: Values, remote: Values, pairs: MatchGroup["fields"]): boolean {
  return pairs.every((pair) => fieldMatches(local[pair.erp], remote[pair.crm], pair.caseSensitive));
}

/**
 * BC's match-based coupling for one local record (§3.3): priority groups in ascending order; a group couples only
 * when exactly one candidate matches and it is not coupled yet; otherwise the next group is tried.
 */
export function pickMatch(
  local: Values,
  candidates: MatchCandidate[],
  groups: MatchGroup[],
  isCoupled: (id: string) => boolean,
): MatchResult {
  for (const group of [...groups].sort((a, b) => a.priority - b.priority)) {
    const pairs = activePairs(group, local);
    if (pairs.length === 0) continue;
    const found = candidates.filter((candidate) => matchesGroup(local, candidate.values, pairs));
    if (found.length === 1 && !isCoupled(found[0]!.id))
      return { kind: "unique", id: found[0]!.id, priority: group.priority };
  }
  return { kind: "none" };
}

/**
 * §3.3 step 4: an ERP record with no unique uncoupled match is created in the CRM only when the mapping says so and
 * carries records into the CRM at all (so a CRM → ERP mapping such as SALESPEOPLE never does); otherwise it fails.
 */
export function createsOnNoMatch(mapping: TableMapping): boolean {
  return Boolean(mapping.match?.createIfNoMatch) && carries(mapping.direction, "erp-to-crm");
}
