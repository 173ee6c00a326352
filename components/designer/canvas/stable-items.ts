/** Compared by identity: graph elements, catalog entities and problem lists are new objects only when they change. */
const BY_IDENTITY = new Set(["node", "edge", "entity", "problems"]);

function sameValue(key: string, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (BY_IDENTITY.has(key) || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameItem(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === "data") {
      const [da, db] = [(a.data ?? {}) as Record<string, unknown>, (b.data ?? {}) as Record<string, unknown>];
      const dataKeys = new Set([...Object.keys(da), ...Object.keys(db)]);
      for (const k of dataKeys) if (!sameValue(k, da[k], db[k])) return false;
    } else if (!sameValue(key, a[key], b[key])) return false;
  }
  return true;
}

/**
 * Keeps the previous object for every node or edge that did not change, so React Flow and memoised components
 * skip it: a drag then re-renders one node, not two hundred.
 */
export function stabilize<T extends { id: string }>(
  previous: Map<string, T>,
  next: T[],
): { items: T[]; byId: Map<string, T> } {
  const byId = new Map<string, T>();
  const items = next.map((item) => {
    const old = previous.get(item.id);
    const kept =
      old && sameItem(old as unknown as Record<string, unknown>, item as unknown as Record<string, unknown>)
        ? old
        : item;
    byId.set(item.id, kept);
    return kept;
  });
  return { items, byId };
}
