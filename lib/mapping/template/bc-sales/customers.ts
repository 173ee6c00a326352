import { f } from "../../model/filter";
import {
  address1,
  both,
  constantToErp,
  EVERY_30_MINUTES,
  fitIntoErp,
  side,
  toCrm,
  toErp,
  transform,
  via,
  type TemplateMapping,
} from "./builders";

/** Customers ↔ accounts of relationship type Customer; the salesperson owns the account. */
export const CUSTOMER: TemplateMapping = {
  name: "CUSTOMER",
  erp: side("erp", "customers", f.eq("blocked", "_x0020_")),
  crm: side("crm", "accounts", f.and(f.eq("statecode", 0), f.eq("customertypecode", 3))),
  direction: "bidirectional",
  dependsOn: ["SALESPEOPLE", "CURRENCY", "PAYMENT TERMS", "SHIPMENT METHOD", "SHIPPING AGENT"],
  fields: [
    toCrm("salespersonCode", "ownerid", via("SALESPEOPLE", { erpKey: "code", notNull: true })),
    toCrm("creditLimit", "creditlimit"),
    both("displayName", "name", fitIntoErp),
    ...address1(),
    both("currencyId", "transactioncurrencyid", via("CURRENCY")),
    both("email", "emailaddress1", fitIntoErp),
    both("website", "websiteurl", fitIntoErp),
    both("phoneNumber", "telephone1", fitIntoErp),
    // A code with no coupled option (or an option with no code) leaves the field blank, on create and on update,
    // instead of failing the record (the seed's rule for unmatched options).
    both("paymentTermsId", "paymenttermscode", via("PAYMENT TERMS", { clearOnFailed: true })),
    both("shipmentMethodId", "address1_freighttermscode", via("SHIPMENT METHOD", { clearOnFailed: true })),
    both(
      "shippingAgentCode",
      "address1_shippingmethodcode",
      via("SHIPPING AGENT", { erpKey: "code", clearOnFailed: true }),
    ),
  ],
  // Accounts created from customers are customers (BC's BCICUSTOME template).
  defaultsOnCreate: { crm: { customertypecode: 3 } },
  match: {
    groups: [{ priority: 0, fields: [{ erp: "displayName", crm: "name", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/**
 * Person contacts of a company ↔ contacts with a parent. API v2.0 has one name field, so the CRM's name parts are
 * split from it and joined back into it.
 */
export const CONTACT: TemplateMapping = {
  name: "CONTACT",
  erp: side("erp", "contacts", f.and(f.eq("type", "Person"), f.ne("companyNumber", ""))),
  crm: side("crm", "contacts", f.and(f.ne("parentcustomerid", null), f.eq("statecode", 0))),
  direction: "bidirectional",
  dependsOn: ["CUSTOMER"],
  fields: [
    toCrm("displayName", "firstname", transform([{ type: "regex-match", pattern: "^(.*?)\\s+\\S+\\s*$", group: 1 }])),
    toCrm("displayName", "lastname", transform([{ type: "regex-match", pattern: "(\\S+)\\s*$", group: 1 }])),
    toErp(
      "lastname",
      "displayName",
      transform([
        { type: "concat", parts: [{ field: "firstname" }, { field: "middlename" }, { value: true }], separator: " " },
        { type: "regex-replace", pattern: "\\s+", replaceWith: " " },
        { type: "trim" },
        { type: "truncate" },
      ]),
    ),
    ...address1(),
    both("email", "emailaddress1", fitIntoErp),
    both("website", "websiteurl", fitIntoErp),
    both("mobilePhoneNumber", "mobilephone", fitIntoErp),
    both("phoneNumber", "telephone1", fitIntoErp),
    constantToErp("type", "Person"),
  ],
  match: {
    groups: [{ priority: 0, fields: [{ erp: "email", crm: "emailaddress1", caseSensitive: false }] }],
    createIfNoMatch: false,
    syncAfterCoupling: false,
  },
  schedule: EVERY_30_MINUTES,
};

/**
 * Open opportunities both ways; the contact and salesperson resolve through their couplings. The account
 * (contactCompanyNumber ↔ parentaccountid) is the opportunity rule's: the company contact's business relation names
 * its customer, whose CUSTOMER coupling is the account.
 */
export const OPPORTUNITY: TemplateMapping = {
  name: "OPPORTUNITY",
  erp: side("erp", "opportunities", f.in("status", ["Not_x0020_Started", "In_x0020_Progress"])),
  crm: side("crm", "opportunities"),
  direction: "bidirectional",
  syncOnlyCoupled: false,
  dependsOn: ["CONTACT", "SALESPEOPLE"],
  fields: [
    both("description", "name", fitIntoErp),
    toCrm("contactNumber", "parentcontactid", via("CONTACT", { erpKey: "number" })),
    both("salespersonCode", "ownerid", via("SALESPEOPLE", { erpKey: "code", notNull: true })),
    toCrm("estimatedValue", "estimatedvalue"),
    toCrm("estimatedClosingDate", "estimatedclosedate"),
  ],
};
