import { findEntity } from "@/lib/mapping/model/catalog";
import type { SyncRule } from "@/lib/sync/rules/rule-api";
import { isPair } from "./rule-helpers";

/** BC's GetInitialSynchRecommendation special cases (§5.4) that counts alone do not capture. */
export const fullSyncRecommendations: SyncRule = {
  name: "salespeople ← enabled, licensed, non-integration system users",
  appliesTo: () => false,
  async recommend(ctx, mapping, counts) {
    // Users are the source of salespeople: always a full synchronization (matching by e-mail couples the existing ones).
    if (isPair(mapping, "salespeoplePurchasers", "systemusers")) return "full";
    if (findEntity(ctx.catalogs.crm, mapping.crm.entity)?.kind === "optionset")
      return counts.erp > 0 ? "couple" : "none";
    // Every Dataverse environment has its Default Unit group: only more than that means units were set up there.
    if (isPair(mapping, "unitsOfMeasure", "uomschedules"))
      return counts.erp === 0 ? "none" : counts.crm > 1 ? "couple" : "full";
    return undefined;
  },
  // Tandem has no order-mode setting: the orders mapping's direction is the mode. One-way (the template's) is BC's
  // unidirectional mode, whose orders are coupled one at a time, never by a full synchronization.
  fullSyncLine(mapping) {
    if (isPair(mapping, "salesOrders", "salesorders")) return mapping.direction === "bidirectional";
    return undefined;
  },
};
