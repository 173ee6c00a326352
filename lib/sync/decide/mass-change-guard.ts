/** The share of coupled records one run may uncouple, restore or overwrite before it stops and asks a person. */
export type GuardSettings = { maxShare: number; minRecords: number };
export const DEFAULT_GUARD: GuardSettings = { maxShare: 0.5, minRecords: 20 };

/** Most destructive changes a run may plan over `coupledTotal` coupled records; Infinity when the guard cannot trip. */
export function guardLimit(coupledTotal: number, settings: GuardSettings): number {
  const limit = Math.max(settings.minRecords, Math.floor(settings.maxShare * coupledTotal));
  return coupledTotal <= limit ? Number.POSITIVE_INFINITY : limit;
}

export function guardMessage(mapping: string, planned: number, coupledTotal: number, settings: GuardSettings): string {
  const share = Math.round((planned / Math.max(1, coupledTotal)) * 100);
  return `Stopped before writing: this run of ${mapping} would uncouple, restore or overwrite ${planned} of ${coupledTotal} coupled records (${share}%), more than the ${Math.round(settings.maxShare * 100)}% allowed. Check the mapping and the data, then run it again with the guard overridden if this is intended.`;
}
