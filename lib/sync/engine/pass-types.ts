import type { Flow } from "@/lib/mapping/model/direction";
import type { GuardCount } from "../decide/mass-change-guard";
import type { Counters } from "../model/counters";
import type { DiffEntry } from "./dry-run-diff";
import type { PassOptions } from "./plan-page";

export type SyncMode = "incremental" | "full" | "one-off";

export type PassRequest = PassOptions & {
  trigger: string;
  mode: SyncMode;
  /** One-off work on these source records. */
  ids?: string[];
  /** A header's lines: the child records whose link field points to these parents. */
  children?: { linkField: string; parentIds: string[] };
  dryRun?: boolean;
  /** "override": a person accepted the mass change the guard stopped. */
  guard?: "on" | "override";
  startedBy?: string | null;
  /** Records a crashed run created that the run's recovery coupled before this pass (counted as coupled). */
  recovered?: number;
};

export type PassResult = {
  mappingName: string;
  flow: Flow;
  jobId: string | null;
  /** "held": the mass-change guard stopped the pass before it wrote; see `hold`. */
  status: "succeeded" | "failed" | "held";
  /** The pass ended because a connection failed (token refused, host unreachable, a fresh token refused). */
  connectionFailed?: boolean;
  message?: string;
  hold?: GuardCount;
  counters: Counters;
  diff?: DiffEntry[];
  diffTruncated?: boolean;
  /** Source ids written (created or changed): their lines follow them. */
  written: string[];
  /** Milliseconds per phase: reading the source, couplings, lookups, deciding, writing, bookkeeping. */
  timings?: Record<string, number>;
};
