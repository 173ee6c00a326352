import { f } from "../../model/filter";
import { both, constantToCrm, EVERY_30_MINUTES, side, toCrm, transform, via, type TemplateMapping } from "./builders";

const NEVER_NEGATIVE = transform([{ type: "jsonata", expression: "$ < 0 ? 0 : $" }]);

/** Items ↔ products of type Sales Inventory; stock goes out, never below zero. */
export const ITEM_PRODUCT: TemplateMapping = {
  name: "ITEM-PRODUCT",
  erp: side("erp", "items", f.eq("blocked", false)),
  crm: side("crm", "products", f.and(f.eq("producttypecode", 1), f.eq("statecode", 0))),
  direction: "bidirectional",
  dependsOn: ["UNIT OF MEASURE"],
  fields: [
    toCrm("number", "productnumber"),
    toCrm("unitPrice", "price"),
    toCrm("unitCost", "standardcost"),
    toCrm("unitCost", "currentcost"),
    toCrm("inventory", "quantityonhand", NEVER_NEGATIVE),
    both("displayName", "name"),
    both("baseUnitOfMeasureId", "defaultuomscheduleid", via("UNIT OF MEASURE")),
  ],
  defaultsOnCreate: { crm: { producttypecode: 1, quantitydecimal: 2 } },
  match: {
    groups: [{ priority: 0, fields: [{ erp: "number", crm: "productnumber", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/** Resources ↔ products of type Services. */
export const RESOURCE_PRODUCT: TemplateMapping = {
  name: "RESOURCE-PRODUCT",
  erp: side("erp", "resources", f.eq("blocked", false)),
  crm: side("crm", "products", f.and(f.eq("producttypecode", 3), f.eq("statecode", 0))),
  direction: "bidirectional",
  dependsOn: ["UNIT OF MEASURE"],
  fields: [
    toCrm("number", "productnumber"),
    toCrm("unitPrice", "price"),
    toCrm("unitCost", "standardcost"),
    toCrm("unitCost", "currentcost"),
    toCrm("vendorNumber", "vendorid"),
    toCrm("capacity", "quantityonhand"),
    both("name", "name"),
    toCrm("baseUnitOfMeasureId", "defaultuomscheduleid", via("UNIT OF MEASURE")),
  ],
  defaultsOnCreate: { crm: { producttypecode: 3, quantitydecimal: 2 } },
  match: {
    groups: [{ priority: 0, fields: [{ erp: "number", crm: "productnumber", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/** Customer price groups become price lists. */
export const CUSTPRCGRP_PRICE: TemplateMapping = {
  name: "CUSTPRCGRP-PRICE",
  erp: side("erp", "customerPriceGroups"),
  crm: side("crm", "pricelevels"),
  direction: "erp-to-crm",
  dependsOn: ["CURRENCY", "ITEM-PRODUCT"],
  fields: [toCrm("code", "name"), toCrm("description", "description")],
  match: {
    groups: [{ priority: 0, fields: [{ erp: "code", crm: "name", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/** Prices of a customer price group become price list items; uncoupled prices are created. */
export const SALESPRC_PRODPRICE: TemplateMapping = {
  name: "SALESPRC-PRODPRICE",
  erp: side("erp", "salesPrices", f.and(f.eq("salesType", "Customer_x0020_Price_x0020_Group"), f.ne("salesCode", ""))),
  crm: side("crm", "productpricelevels"),
  direction: "erp-to-crm",
  syncOnlyCoupled: false,
  dependsOn: ["CUSTPRCGRP-PRICE", "ITEM-PRODUCT"],
  fields: [
    toCrm("salesCode", "pricelevelid", { ...via("CUSTPRCGRP-PRICE", { erpKey: "code" }), createOnly: true }),
    toCrm("itemNumber", "productid", via("ITEM-PRODUCT", { erpKey: "number" })),
    toCrm("unitPrice", "amount"),
    constantToCrm("pricingmethodcode", 1),
  ],
  defaultsOnCreate: { crm: { quantitysellingcode: 1 } },
  schedule: EVERY_30_MINUTES,
};
