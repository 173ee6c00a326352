import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { SyncRule } from "@/lib/sync/rules/rule-api";
import { defaultPriceList, lookup } from "./rule-helpers";

const HEADERS: [string, string][] = [
  ["salesInvoices", "invoices"],
  ["salesOrders", "salesorders"],
  ["salesQuotes", "quotes"],
];
const LINES: [string, string, string][] = [
  ["salesInvoiceLines", "invoicedetails", "invoiceid"],
  ["salesOrderLines", "salesorderdetails", "salesorderid"],
  ["salesQuoteLines", "quotedetails", "quoteid"],
];
export const isHeader = (m: TableMapping) => HEADERS.some(([erp, crm]) => m.erp.entity === erp && m.crm.entity === crm);
const isLine = (m: TableMapping) => LINES.some(([erp, crm]) => m.erp.entity === erp && m.crm.entity === crm);

/** Documents sent to the CRM are priced on the default price list (a Dataverse invoice or order needs one). */
export const documentPriceList: SyncRule = {
  name: "posted invoices after their dependencies, owner from salesperson code",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isHeader(mapping),
  async preparePage(ctx) {
    const priceList = await defaultPriceList(ctx);
    return () => ({ createOnly: { pricelevelid: lookup(priceList, "pricelevels") } });
  },
};

/**
 * Lines follow their header. An item line points at its product in the product's unit; any other line (resource,
 * G/L account, charge) becomes a write-in line named by its description, as BC writes resource lines.
 */
export const documentLineProducts: SyncRule = {
  name: "document lines: item lines reference products, other lines are write-in",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isLine(mapping),
  async preparePage(ctx, _mapping, _flow, records) {
    const itemMapping = ctx.config.mappings.find((m) => m.erp.entity === "items" && m.crm.entity === "products");
    const itemIds = records.map((r) => String(r.values.itemId ?? "")).filter(Boolean);
    const coupled = itemMapping && itemIds.length ? await ctx.couplingsOf(itemMapping.name, "erp", itemIds) : new Map();
    const products = await ctx.connectors.crm.readByIds(
      "products",
      [...coupled.values()].map((c) => c.crmId),
    );
    const unitOf = new Map(
      products.map((p) => [p.id.toLowerCase(), p.values.defaultuomid ? String(p.values.defaultuomid) : null]),
    );
    return (record) => {
      const productId = record.values.itemId
        ? coupled.get(String(record.values.itemId).toLowerCase())?.crmId
        : undefined;
      const unit = productId ? unitOf.get(productId.toLowerCase()) : null;
      if (record.values.lineType === "Item" && unit)
        return { values: { uomid: lookup(unit, "uoms"), isproductoverridden: false } };
      if (record.values.lineType === "Item") return undefined;
      return {
        values: {
          isproductoverridden: true,
          productdescription: String(record.values.description ?? "").slice(0, 850),
        },
      };
    };
  },
};
