import { z } from "zod";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";

export const StartReconciliationInput = z.object({ mapping: MappingNameSchema });
export const ReconciliationIdInput = z.object({ id: z.string().uuid("not a reconciliation id") });
export const SynchronizeDriftedInput = ReconciliationIdInput.extend({
  direction: z.enum(["erp-to-crm", "crm-to-erp"], { message: "direction is erp-to-crm or crm-to-erp" }),
});
export const RECONCILE_QUEUE = "tandem-reconcile";
