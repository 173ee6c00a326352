import type { SyncRule } from "@/lib/sync/rules/rule-api";
import { baseCurrency, isPair, lookup } from "./rule-helpers";

/** Customer price groups become price lists in the base currency (BC's CUSTPRCGRP-PRICE). */
export const priceGroupPriceLists: SyncRule = {
  name: "customer price groups → price lists",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isPair(mapping, "customerPriceGroups", "pricelevels"),
  async preparePage(ctx) {
    const base = await baseCurrency(ctx);
    return () =>
      base ? { createOnly: { transactioncurrencyid: lookup(base.id, "transactioncurrencies") } } : undefined;
  },
};

/**
 * Sales prices of a customer price group become price list items (BC's SALESPRC-PRODPRICE): the mapping's filter keeps
 * type Customer Price Group with a sales code; each item gets the product's default unit and unit group.
 */
export const salesPriceItems: SyncRule = {
  name: "sales prices with a sales code and type Customer Price Group → price list items",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isPair(mapping, "salesPrices", "productpricelevels"),
  async preparePage(ctx, _mapping, _flow, records) {
    const items = ctx.config.mappings.find((m) => isPair(m, "items", "products"));
    const numbers = records.map((r) => String(r.values.itemNumber ?? "")).filter(Boolean);
    const erpItems =
      items && numbers.length
        ? await ctx.connectors.erp.readByIds("items", records.map((r) => String(r.values.itemId ?? "")).filter(Boolean))
        : [];
    const coupled = items
      ? await ctx.couplingsOf(
          items.name,
          "erp",
          erpItems.map((i) => i.id),
        )
      : new Map();
    const products = await ctx.connectors.crm.readByIds(
      "products",
      [...coupled.values()].map((c) => c.crmId),
    );
    const productOf = new Map(
      erpItems.map((i) => [
        String(i.values.number).toLowerCase(),
        products.find((p) => p.id.toLowerCase() === coupled.get(i.id.toLowerCase())?.crmId.toLowerCase()),
      ]),
    );
    return (record) => {
      const product = productOf.get(String(record.values.itemNumber ?? "").toLowerCase());
      if (!product?.values.defaultuomid) return undefined;
      return {
        createOnly: {
          uomid: lookup(String(product.values.defaultuomid), "uoms"),
          ...(product.values.defaultuomscheduleid
            ? { uomscheduleid: lookup(String(product.values.defaultuomscheduleid), "uomschedules") }
            : {}),
          quantitysellingcode: 1,
        },
      };
    };
  },
};
