"use server";
import { revalidatePath } from "next/cache";
import {
  coupleRecords,
  createInOther,
  decideConflict,
  matchCouple,
  restoreSkippedRecords,
  syncNow,
  uncoupleRecords,
} from "@/lib/services/sync/coupling-verbs";
import { dryRunMapping } from "@/lib/services/sync/dry-run-mapping";
import { approveHeldRun, discardHeldRun } from "@/lib/services/sync/held-run-verbs";
import { retryJobErrors } from "@/lib/services/sync/job-verbs";
import { runMappingNow } from "@/lib/services/sync/run-mapping-now";
import { startFullSync } from "@/lib/services/sync/start-full-sync";
import { previewFullSynchronization } from "@/lib/services/sync/preview-full-sync";
import { resetWatermark, setScheduleEnabled } from "@/lib/services/mappings/mapping-verbs";
import { listUncoupled } from "@/lib/services/couplings/list-uncoupled";
import { previewMatchCouple } from "@/lib/services/sync/preview-match-coupling";
import { defineAction } from "./define-action";

const refreshed = <T>(value: T): T => {
  for (const page of ["/mappings", "/full-sync", "/jobs", "/couplings", "/conflicts"]) revalidatePath(page);
  return value;
};

export const startFullSyncAction = defineAction("admin", async (ctx) => refreshed(await startFullSync({ ctx })));
export const runMappingNowAction = defineAction("admin", async (ctx, input) =>
  refreshed(await runMappingNow({ ctx, input })),
);
export const dryRunMappingAction = defineAction("consultant", (ctx, input) => dryRunMapping({ ctx, input }));
export const coupleRecordsAction = defineAction("admin", async (ctx, input) =>
  refreshed(await coupleRecords({ ctx, input })),
);
export const createInOtherAction = defineAction("admin", async (ctx, input) =>
  refreshed(await createInOther({ ctx, input })),
);
export const syncNowAction = defineAction("admin", async (ctx, input) => refreshed(await syncNow({ ctx, input })));
export const uncoupleRecordsAction = defineAction("admin", async (ctx, input) =>
  refreshed(await uncoupleRecords({ ctx, input })),
);
export const matchCoupleAction = defineAction("admin", async (ctx, input) =>
  refreshed(await matchCouple({ ctx, input })),
);
export const restoreSkippedAction = defineAction("admin", async (ctx, input) =>
  refreshed(await restoreSkippedRecords({ ctx, input })),
);
export const retryJobErrorsAction = defineAction("admin", async (ctx, input) =>
  refreshed(await retryJobErrors({ ctx, input })),
);
export const decideConflictAction = defineAction("admin", async (ctx, input) =>
  refreshed(await decideConflict({ ctx, input })),
);
export const previewMatchCoupleAction = defineAction("consultant", (ctx, input) => previewMatchCouple({ ctx, input }));
export const previewFullSyncAction = defineAction("viewer", (ctx) => previewFullSynchronization({ ctx }));

// Held runs (mass-change guard): approve once with the guard lifted, or discard; either resumes the schedule.
export const approveHeldRunAction = defineAction("admin", async (ctx, input) =>
  refreshed(await approveHeldRun({ ctx, input })),
);
export const discardHeldRunAction = defineAction("admin", async (ctx, input) =>
  refreshed(await discardHeldRun({ ctx, input })),
);

// Table mappings: an admin switches a schedule off or on, or resets a mapping's watermark.
export const setScheduleEnabledAction = defineAction("admin", async (ctx, input) =>
  refreshed(await setScheduleEnabled({ ctx, input })),
);
export const resetWatermarkAction = defineAction("admin", async (ctx, input) =>
  refreshed(await resetWatermark({ ctx, input })),
);

// Couplings page: the other side's records not coupled yet, to couple one by hand (what an admin then does).
export const searchUncoupledAction = defineAction("admin", (ctx, input) => listUncoupled({ ctx, input }));
