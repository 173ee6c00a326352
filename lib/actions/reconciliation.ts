"use server";
import { revalidatePath } from "next/cache";
import { cancelReconciliation, startReconciliation } from "@/lib/services/reconciliation/reconciliation-verbs";
import { synchronizeDrifted } from "@/lib/services/reconciliation/synchronize-drifted";
import { defineAction } from "./define-action";

const refreshed = <T>(value: T): T => {
  for (const page of ["/reconciliation", "/jobs", "/"]) revalidatePath(page);
  return value;
};

export const startReconciliationAction = defineAction("admin", async (ctx, input) =>
  refreshed(await startReconciliation({ ctx, input })),
);
export const cancelReconciliationAction = defineAction("admin", async (ctx, input) =>
  refreshed(await cancelReconciliation({ ctx, input })),
);
export const synchronizeDriftedAction = defineAction("admin", async (ctx, input) =>
  refreshed(await synchronizeDrifted({ ctx, input })),
);
