import { COUNTER_NAMES, type CounterName } from "@/lib/sync/model/counters";

/** The eight counters of a job, in Business Central's order (the engine's own list). */
export const COUNTERS = COUNTER_NAMES;
export type { CounterName };
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
