import type { Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";

/**
 * Whether CRM rows last written by the integration user are left out of a pass (§4.3, BC's IsModifiedByFilterNeeded):
 * only when reading the CRM of a bidirectional mapping with no enabled CRM→ERP-only fields, and never for one-off
 * work. A change the integration user made to a CRM-only field would otherwise be lost; the timestamps in the
 * coupling suppress the echo in every other case.
 */
export function skipsIntegrationUserRows(mapping: TableMapping, flow: Flow, oneOff: boolean): boolean {
  if (oneOff || flow !== "crm-to-erp" || mapping.direction !== "bidirectional") return false;
  return !mapping.fields.some((field) => field.enabled && field.direction === "crm-to-erp");
}
