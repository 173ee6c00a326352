/** The eight counters of a job, in Business Central's order. */
export const COUNTERS = [
  "inserted",
  "modified",
  "deleted",
  "unchanged",
  "skipped",
  "failed",
  "coupled",
  "uncoupled",
] as const;
export type CounterName = (typeof COUNTERS)[number];
export const COUNTER_LABELS: Record<CounterName, string> = {
  inserted: "Inserted",
  modified: "Modified",
  deleted: "Deleted",
  unchanged: "Unchanged",
  skipped: "Skipped",
  failed: "Failed",
  coupled: "Coupled",
  uncoupled: "Uncoupled",
};
export const formatTime = (value: Date | string | null) =>
  value ? new Date(value).toISOString().replace("T", " ").slice(0, 19) : "—";
