import type { Flow } from "@/lib/mapping/model/direction";

/**
 * Whether CRM rows last written by the integration user are left out of a pass. The seed says so without exception
 * ("Modifications to data in Sales that are performed by the Sales connection account are ignored"), so every
 * mapping's CRM→ERP pass leaves them out — on top of the write receipts stored in the couplings. Only one-off work a
 * person asked for on chosen records (Synchronize Now, Create in ERP) reads them, like BC's clones.
 */
export function skipsIntegrationUserRows(flow: Flow, oneOff: boolean): boolean {
  return flow === "crm-to-erp" && !oneOff;
}
