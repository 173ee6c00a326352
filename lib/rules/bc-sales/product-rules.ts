import type { ConnectorRecord } from "@/lib/connectors/connector";
import { f } from "@/lib/mapping/model/filter";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { readWhereIn, type RuleContext, type SyncRule, type WrittenRecord } from "@/lib/sync/rules/rule-api";
import { baseUnits, defaultPriceList, lookup, mappingBetween } from "./rule-helpers";

const isProductMapping = (mapping: TableMapping) =>
  mapping.crm.entity === "products" && (mapping.erp.entity === "items" || mapping.erp.entity === "resources");

/** The unit group each ERP record's base unit is coupled to, and that group's base unit. */
async function unitsOf(
  ctx: RuleContext,
  records: ConnectorRecord[],
): Promise<Map<string, { group: string; unit: string | undefined }>> {
  const units = mappingBetween(ctx.config, "unitsOfMeasure", "uomschedules");
  if (!units) return new Map();
  const coupled = await ctx.couplingsOf(
    units.name,
    "erp",
    records.map((r) => String(r.values.baseUnitOfMeasureId ?? "")).filter(Boolean),
  );
  const bases = await baseUnits(
    ctx,
    [...coupled.values()].map((c) => c.crmId),
  );
  const result = new Map<string, { group: string; unit: string | undefined }>();
  for (const record of records) {
    const group = coupled.get(String(record.values.baseUnitOfMeasureId ?? "").toLowerCase())?.crmId;
    if (group) result.set(record.id.toLowerCase(), { group, unit: bases.get(group.toLowerCase()) });
  }
  return result;
}

/** Puts each product on the default price list at its price, in its base unit (BC's UpdateCRMProduct… hooks). */
async function priceListItems(ctx: RuleContext, written: WrittenRecord[]): Promise<void> {
  const priceList = await defaultPriceList(ctx);
  const products = await ctx.connectors.crm.readByIds(
    "products",
    written.map((w) => w.destinationId),
  );
  const existing = await readWhereIn(
    ctx.connectors.crm,
    "productpricelevels",
    "productid",
    products.map((p) => p.id),
    f.eq("pricelevelid", priceList),
  );
  const byProduct = new Map(existing.map((e) => [String(e.values.productid).toLowerCase(), e]));
  const creates = products.filter((p) => !byProduct.has(p.id.toLowerCase()) && p.values.defaultuomid);
  const updates = products.flatMap((p) => {
    const item = byProduct.get(p.id.toLowerCase());
    return item && Number(item.values.amount ?? 0) !== Number(p.values.price ?? 0)
      ? [{ item, price: Number(p.values.price ?? 0) }]
      : [];
  });
  const unpriced = products.filter((p) => !p.values.pricelevelid);
  if (unpriced.length)
    await ctx.connectors.crm.write(
      "products",
      unpriced.map((p) => ({
        kind: "update" as const,
        id: p.id,
        values: { pricelevelid: lookup(priceList, "pricelevels") },
      })),
    );
  if (creates.length) {
    await ctx.connectors.crm.write(
      "productpricelevels",
      creates.map((p) => ({
        kind: "create" as const,
        values: {
          pricelevelid: lookup(priceList, "pricelevels"),
          productid: lookup(p.id, "products"),
          uomid: lookup(String(p.values.defaultuomid), "uoms"),
          ...(p.values.defaultuomscheduleid
            ? { uomscheduleid: lookup(String(p.values.defaultuomscheduleid), "uomschedules") }
            : {}),
          amount: Number(p.values.price ?? 0),
          pricingmethodcode: 1,
          quantitysellingcode: 1,
        },
      })),
    );
  }
  if (updates.length)
    await ctx.connectors.crm.write(
      "productpricelevels",
      updates.map((u) => ({ kind: "update" as const, id: u.item.id, values: { amount: u.price } })),
    );
}

/**
 * Syncing an item (or resource) creates or uses the default CRM price list: a new product gets its unit group's base
 * unit, is put on that price list, and gets a price list item at its price; a changed price updates that item.
 */
export const productPriceList: SyncRule = {
  name: "syncing an item creates/uses the default CRM price list",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isProductMapping(mapping),
  async preparePage(ctx, _mapping, _flow, records) {
    const units = await unitsOf(ctx, records);
    return (record) => {
      const found = units.get(record.id.toLowerCase());
      return found?.unit ? { createOnly: { defaultuomid: lookup(found.unit, "uoms") } } : undefined;
    };
  },
  async afterWrite(ctx, _mapping, _flow, written) {
    const touched = written.filter((w) => w.created || "price" in w.values);
    if (touched.length) await priceListItems(ctx, touched);
  },
};
