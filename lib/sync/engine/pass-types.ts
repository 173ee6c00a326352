import type { Flow } from "@/lib/mapping/model/direction";
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
};

export type PassResult = {
  mappingName: string;
  flow: Flow;
  jobId: string | null;
  status: "succeeded" | "failed" | "aborted";
  message?: string;
  counters: Counters;
  diff?: DiffEntry[];
  diffTruncated?: boolean;
  /** Source ids written (created or changed): their lines follow them. */
  written: string[];
  /** Milliseconds per phase: reading the source, couplings, lookups, deciding, writing, bookkeeping. */
  timings?: Record<string, number>;
};
