import type { Side } from "@/lib/mapping/model/direction";

const DOCUMENT_CHOICES = ["invoice", "salesorder", "quote"].flatMap((table) =>
  ["paymenttermscode", "freighttermscode", "shippingmethodcode"].map((column) => `${table}.${column}`),
);

/**
 * What the rules read beyond the config's own mappings, so that a real tenant is asked to describe them too: the
 * organization's base currency, price lists, currencies, and the documents' own choice columns.
 */
export const BC_SALES_RULE_ENTITIES: Record<Side, string[]> = {
  erp: ["customers", "items"],
  crm: ["organizations", "pricelevels", "transactioncurrencies", "accounts", "systemusers", ...DOCUMENT_CHOICES],
};
