import { modelToGraph } from "../../graph/model-to-graph";
import type { MappingGraph } from "../../graph/graph";
import type { MappingModel } from "../../model/runtime-config";
import { TableMappingSchema } from "../../model/table-mapping";
import { STATIC_CATALOGS } from "../catalogs";
import { CONTACT, CUSTOMER, OPPORTUNITY } from "./customers";
import { POSTEDSALESINV_INV, POSTEDSALESLINE_INV, SALESORDER_ORDER } from "./documents";
import { CURRENCY, PAYMENT_TERMS, SALESPEOPLE, SHIPMENT_METHOD, SHIPPING_AGENT, UNIT_OF_MEASURE } from "./master-data";
import { CUSTPRCGRP_PRICE, ITEM_PRODUCT, RESOURCE_PRODUCT, SALESPRC_PRODPRICE } from "./products";

export const BC_SALES_TEMPLATE = {
  id: "bc-sales",
  title: "Business Central ↔ Dynamics 365 Sales standard integration",
} as const;

const MAPPINGS = [
  SALESPEOPLE,
  CURRENCY,
  UNIT_OF_MEASURE,
  PAYMENT_TERMS,
  SHIPMENT_METHOD,
  SHIPPING_AGENT,
  CUSTOMER,
  CONTACT,
  ITEM_PRODUCT,
  RESOURCE_PRODUCT,
  CUSTPRCGRP_PRICE,
  SALESPRC_PRODPRICE,
  OPPORTUNITY,
  POSTEDSALESINV_INV,
  POSTEDSALESLINE_INV,
  SALESORDER_ORDER,
];

/** The 16 default mappings of Business Central's Sales integration (reference §5.1–5.2), with defaults applied. */
export function bcSalesTemplateModel(): MappingModel {
  return { mappings: MAPPINGS.map((mapping) => TableMappingSchema.parse(mapping)) };
}

/** The template as a canvas, laid out left to right. */
export function bcSalesTemplateGraph(): MappingGraph {
  return modelToGraph(bcSalesTemplateModel());
}

export const TEMPLATE_CATALOGS = STATIC_CATALOGS;
