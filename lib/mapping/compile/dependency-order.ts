/**
 * Kahn's algorithm with ties broken by name, so the same mappings always come out in the same order.
 * Names in a cycle (reported by validation) are appended in name order.
 */
export function dependencyOrder<T extends { name: string; dependsOn: string[] }>(items: readonly T[]): T[] {
  const byName = new Map(items.map((item) => [item.name, item]));
  const waitingOn = new Map(
    items.map((item) => [item.name, new Set(item.dependsOn.filter((d) => byName.has(d) && d !== item.name))]),
  );
  const ordered: T[] = [];
  const ready = [...waitingOn].filter(([, deps]) => deps.size === 0).map(([name]) => name);
  while (ready.length) {
    ready.sort();
    const name = ready.shift()!;
    ordered.push(byName.get(name)!);
    waitingOn.delete(name);
    for (const [other, deps] of waitingOn) {
      if (deps.delete(name) && deps.size === 0) ready.push(other);
    }
  }
  return [...ordered, ...[...waitingOn.keys()].sort().map((name) => byName.get(name)!)];
}
