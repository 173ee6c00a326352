import { f } from "../../model/filter";
import { EVERY_30_MINUTES, side, toCrm, toErp, transform, fitIntoErp, type TemplateMapping } from "./builders";

/** Users become salespeople: enabled, licensed, not the integration user; codes derive from the stable user id. */
export const SALESPEOPLE: TemplateMapping = {
  name: "SALESPEOPLE",
  erp: side("erp", "salespeoplePurchasers"),
  crm: side(
    "crm",
    "systemusers",
    f.and(f.eq("isdisabled", false), f.eq("islicensed", true), f.eq("isintegrationuser", false)),
  ),
  direction: "crm-to-erp",
  syncOnlyCoupled: true,
  fields: [
    toErp("internalemailaddress", "email", fitIntoErp),
    toErp("fullname", "displayName", fitIntoErp),
    toErp("mobilephone", "phoneNo", fitIntoErp),
    // The code is the salesperson's key: set once when created (from the user's stable id), never renamed.
    toErp("systemuserid", "code", {
      ...transform([{ type: "jsonata", expression: `"SP-" & $uppercase($substring($, 0, 8))` }]),
      createOnly: true,
    }),
  ],
  match: {
    groups: [{ priority: 0, fields: [{ erp: "email", crm: "internalemailaddress", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/** Currencies couple by ISO code; a code that is not three letters comes out empty, so that currency fails. */
export const CURRENCY: TemplateMapping = {
  name: "CURRENCY",
  erp: side("erp", "currencies"),
  crm: side("crm", "transactioncurrencies"),
  direction: "erp-to-crm",
  fields: [
    toCrm(
      "code",
      "isocurrencycode",
      transform([{ type: "regex-match", pattern: "^[A-Za-z]{3}$" }, { type: "uppercase" }]),
    ),
    toCrm("symbol", "currencysymbol"),
    toCrm("displayName", "currencyname"),
  ],
  defaultsOnCreate: { crm: { exchangerate: 1, currencyprecision: 2 } },
  match: {
    groups: [{ priority: 0, fields: [{ erp: "code", crm: "isocurrencycode", caseSensitive: false }] }],
    createIfNoMatch: true,
    syncAfterCoupling: true,
  },
  schedule: EVERY_30_MINUTES,
};

/** One unit of measure per unit group, named by its code. */
export const UNIT_OF_MEASURE: TemplateMapping = {
  name: "UNIT OF MEASURE",
  erp: side("erp", "unitsOfMeasure"),
  crm: side("crm", "uomschedules"),
  direction: "erp-to-crm",
  fields: [toCrm("code", "name"), toCrm("code", "baseuomname", { createOnly: true })],
  match: {
    groups: [{ priority: 0, fields: [{ erp: "code", crm: "name", caseSensitive: false }] }],
    createIfNoMatch: true,
    syncAfterCoupling: true,
  },
  schedule: EVERY_30_MINUTES,
};

/** A code table coupled to the options of an account choice column (BC's option mappings). */
function optionMapping(name: string, erpEntity: string, crmOptionSet: string): TemplateMapping {
  return {
    name,
    erp: side("erp", erpEntity),
    crm: side("crm", crmOptionSet),
    direction: "erp-to-crm",
    fields: [toCrm("code", "label")],
    match: {
      groups: [{ priority: 0, fields: [{ erp: "code", crm: "label", caseSensitive: false }] }],
      createIfNoMatch: true,
      syncAfterCoupling: true,
    },
    schedule: EVERY_30_MINUTES,
  };
}

export const PAYMENT_TERMS = optionMapping("PAYMENT TERMS", "paymentTerms", "account.paymenttermscode");
export const SHIPMENT_METHOD = optionMapping("SHIPMENT METHOD", "shipmentMethods", "account.address1_freighttermscode");
export const SHIPPING_AGENT = optionMapping("SHIPPING AGENT", "shippingAgents", "account.address1_shippingmethodcode");
