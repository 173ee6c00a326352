export type BatchRun<T> = { key?: string; items: T[] };

/** Splits batch items into runs: consecutive items with the same key together, items without a key alone. */
export function batchRuns<T>(items: T[], keyOf: (item: T) => string | undefined): BatchRun<T>[] {
  const runs: BatchRun<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs.at(-1);
    if (key !== undefined && last?.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}
