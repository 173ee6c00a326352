import type { Database } from "@/db/client";
import { insertCouplings } from "../engine/coupling-store";

/** Couples two records directly, as if a person had set up the coupling earlier (no timestamps yet). */
export async function coupleDirectly(
  db: Database,
  pairId: string,
  mappingName: string,
  erpId: string,
  crmId: string,
): Promise<void> {
  await insertCouplings(db, pairId, [{ mappingName, erpId, crmId, erpModifiedOn: null, crmModifiedOn: null }]);
}
