import type { SyncRule } from "@/lib/sync/rules/rule-api";
import { baseCurrency, isPair, lookup } from "./rule-helpers";

const ISO_4217 = /^[A-Za-z]{3}$/;

/**
 * Currencies couple by ISO code, and only currencies that have one sync (BC's CURRENCY mapping). A blank currency in
 * Business Central is the local currency, which is the CRM organization's base currency.
 */
export const currencyByIsoCode: SyncRule = {
  name: "currencies couple by ISO code and only those with one sync",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isPair(mapping, "currencies", "transactioncurrencies"),
  async preparePage() {
    return (record) => {
      const code = String(record.values.code ?? "");
      if (ISO_4217.test(code)) return undefined;
      return {
        error: {
          code: "NOT_ISO_CURRENCY",
          message: `The currency ${code} has no ISO 4217 code (three letters), so it cannot be synchronized to Dataverse, which identifies currencies by ISO code.`,
        },
      };
    };
  },
  async blankErpMeans(ctx, lookupMapping) {
    if (!isPair(lookupMapping, "currencies", "transactioncurrencies")) return null;
    const base = await baseCurrency(ctx);
    return base ? lookup(base.id, "transactioncurrencies") : null;
  },
  async recommend(ctx, mapping) {
    if (!isPair(mapping, "currencies", "transactioncurrencies")) return undefined;
    // BC: a fresh Dataverse has exactly its base currency; then create them all, else couple first.
    const count = await ctx.connectors.crm.count("transactioncurrencies", undefined, { exact: true, upTo: 2 });
    const base = await baseCurrency(ctx);
    return count === 1 && base ? "full" : "couple";
  },
};
