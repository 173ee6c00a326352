import { f } from "../../model/filter";
import { constantToCrm, documentAddresses, EVERY_30_MINUTES, side, toCrm, via, type TemplateMapping } from "./builders";

/** Header fields posted invoices and released orders share on their way to the CRM. */
function salesDocumentHeader(options: { currencyCreateOnly: boolean }): TemplateMapping["fields"] {
  return [
    toCrm("number", "name"),
    toCrm("salesperson", "ownerid", via("SALESPEOPLE", { erpKey: "code", notNull: true })),
    toCrm("customerId", "customerid", via("CUSTOMER")),
    // An order's currency is fixed once it exists (IsValidForUpdate false on salesorder).
    toCrm("currencyId", "transactioncurrencyid", {
      ...via("CURRENCY"),
      ...(options.currencyCreateOnly ? { createOnly: true } : {}),
    }),
    // The account's option values serve the document's choice column too; a code with no option leaves it blank.
    toCrm("paymentTermsId", "paymenttermscode", via("PAYMENT TERMS", { clearOnFailed: true })),
    ...documentAddresses(),
    toCrm("totalAmountExcludingTax", "totalamountlessfreight"),
    toCrm("totalAmountIncludingTax", "totalamount"),
    toCrm("discountAmount", "discountamount"),
  ];
}

const HEADER_DEPENDENCIES = [
  "CUSTOMER",
  "CURRENCY",
  "SALESPEOPLE",
  "PAYMENT TERMS",
  "ITEM-PRODUCT",
  "RESOURCE-PRODUCT",
  "OPPORTUNITY",
];

/** Posted invoices (not drafts) go to the CRM once their parties and products are there. */
export const POSTEDSALESINV_INV: TemplateMapping = {
  name: "POSTEDSALESINV-INV",
  erp: side("erp", "salesInvoices", f.in("status", ["Open", "Paid", "Canceled", "Corrective"])),
  crm: side("crm", "invoices"),
  direction: "erp-to-crm",
  dependsOn: HEADER_DEPENDENCIES,
  fields: [
    ...salesDocumentHeader({ currencyCreateOnly: false }),
    toCrm("number", "invoicenumber"),
    toCrm("dueDate", "duedate"),
  ],
  schedule: EVERY_30_MINUTES,
};

/** Invoice lines travel with their invoice: no schedule, no coupling needed before creating. */
export const POSTEDSALESLINE_INV: TemplateMapping = {
  name: "POSTEDSALESLINE-INV",
  erp: side("erp", "salesInvoiceLines"),
  crm: side("crm", "invoicedetails"),
  direction: "erp-to-crm",
  syncOnlyCoupled: false,
  parent: "POSTEDSALESINV-INV",
  dependsOn: ["POSTEDSALESINV-INV", "ITEM-PRODUCT"],
  fields: [
    toCrm("documentId", "invoiceid", via("POSTEDSALESINV-INV")),
    toCrm("itemId", "productid", via("ITEM-PRODUCT")),
    toCrm("sequence", "lineitemnumber"),
    toCrm("description", "productdescription"),
    toCrm("quantity", "quantity"),
    toCrm("discountAmount", "manualdiscountamount"),
    toCrm("unitPrice", "priceperunit"),
    constantToCrm("ispriceoverridden", true),
    toCrm("netAmount", "baseamount"),
    toCrm("netAmountIncludingTax", "extendedamount"),
  ],
};

/** Released orders (API v2.0 status Open) go to the CRM; the unidirectional order mode of the reference. */
export const SALESORDER_ORDER: TemplateMapping = {
  name: "SALESORDER-ORDER",
  erp: side("erp", "salesOrders", f.eq("status", "Open")),
  crm: side("crm", "salesorders"),
  direction: "erp-to-crm",
  dependsOn: HEADER_DEPENDENCIES,
  fields: [
    ...salesDocumentHeader({ currencyCreateOnly: true }),
    toCrm("number", "ordernumber", { createOnly: true }),
    toCrm("requestedDeliveryDate", "requestdeliveryby"),
  ],
  schedule: EVERY_30_MINUTES,
};
