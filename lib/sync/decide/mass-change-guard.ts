/** The share of coupled records one run may uncouple, restore or overwrite before it stops and asks a person. */
export type GuardSettings = { maxShare: number; minRecords: number };
export const DEFAULT_GUARD: GuardSettings = { maxShare: 0.5, minRecords: 20 };

/** What the guard counted when it held a run (stored on the job as its hold). */
export type GuardCount = { planned: number; coupledTotal: number; share: number; maxShare: number; limit: number };

/** Most destructive changes a run may plan over `coupledTotal` coupled records; Infinity when the guard cannot trip. */
export function guardLimit(coupledTotal: number, settings: GuardSettings): number {
  const limit = Math.max(settings.minRecords, Math.floor(settings.maxShare * coupledTotal));
  return coupledTotal <= limit ? Number.POSITIVE_INFINITY : limit;
}

export function guardCount(planned: number, coupledTotal: number, settings: GuardSettings): GuardCount {
  return {
    planned,
    coupledTotal,
    share: planned / Math.max(1, coupledTotal),
    maxShare: settings.maxShare,
    limit: guardLimit(coupledTotal, settings),
  };
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function guardMessage(mapping: string, count: GuardCount): string {
  return `Held before writing: this run of ${mapping} would uncouple, restore or overwrite ${count.planned} of ${count.coupledTotal} coupled records (${percent(count.share)}), more than the ${percent(count.maxShare)} allowed. The schedule of ${mapping} is paused until an admin approves this run once (it then runs with the guard lifted) or discards it.`;
}
