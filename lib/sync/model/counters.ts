/** Per-job counters, as Business Central's Integration Synch. Job keeps them (reference §4.11). */
export const COUNTER_NAMES = [
  "inserted",
  "modified",
  "deleted",
  "unchanged",
  "skipped",
  "failed",
  "coupled",
  "uncoupled",
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

export function emptyCounters(): Counters {
  return { inserted: 0, modified: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0, coupled: 0, uncoupled: 0 };
}

export function addCounters(into: Counters, from: Partial<Counters>): Counters {
  for (const name of COUNTER_NAMES) into[name] += from[name] ?? 0;
  return into;
}

/** BC's HaveJobsBeenIdle: nothing written and nothing failed. */
export function wasIdle(counters: Counters): boolean {
  return counters.inserted + counters.modified + counters.deleted + counters.failed === 0;
}
