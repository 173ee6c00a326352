import type { SyncRule } from "@/lib/sync/rules/rule-api";
import { contactParentAndOwner } from "./contact-rules";
import { currencyByIsoCode } from "./currency-rules";
import { documentOptionValues } from "./document-options";
import { documentLineProducts, documentPriceList } from "./document-rules";
import { priceGroupPriceLists, salesPriceItems } from "./price-rules";
import { productPriceList } from "./product-rules";
import { opportunityAccount } from "./opportunity-rules";
import { fullSyncRecommendations } from "./recommendation-rules";

/** The Business Central ↔ Dynamics 365 Sales integration's own rules (reference §5.2 hooks), keyed by entity pair. */
export const BC_SALES_RULES: SyncRule[] = [
  contactParentAndOwner,
  opportunityAccount,
  currencyByIsoCode,
  productPriceList,
  priceGroupPriceLists,
  salesPriceItems,
  documentPriceList,
  documentOptionValues,
  documentLineProducts,
  fullSyncRecommendations,
];
