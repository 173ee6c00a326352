/**
 * Business Central side of the schema catalog, used offline (no live `describe()`) and by the default template.
 *
 * - Standard entities are Business Central API v2.0 (`/api/v2.0/companies({id})/<set>`). Field names were checked
 *   against the v2.0 resource pages (MicrosoftDocs dynamics365smb-devitpro-pb, `api-reference/v2.0/resources`) and
 *   the APIV2 page source (microsoft/ALAppExtensions, `Apps/W1/APIV2`).
 * - Custom entities are API pages Tandem ships (`/api/tandem/integration/v1.0/companies({id})/<set>`), for tables
 *   that v2.0 doesn't expose (see CUSTOM-ERP-ENTITIES.md). The few §5.2 fields a v2.0 page lacks that the template
 *   needs are extension fields (the 6th argument of `entity`), served by Tandem's page over the same table.
 *   Their field names are ours; their lengths follow the BC table definitions.
 * - Every entity is keyed by `id` (the record's SystemId). Document lines have no `lastModifiedDateTime`, so they
 *   get no `modifiedOn`: re-read them when the header changes.
 * - `maxLength` is the length of the BC table field behind the API field (Code20 → 20, Text100 → 100).
 * - Enum option values are the wire form: BC writes enum members as EDM identifiers, so every character other than a
 *   letter, digit or `_` becomes `_xHHHH_` (`"In_x0020_Review"`, blank = `"_x0020_"`, `"Non_x002D_Inventory"`).
 *   Labels keep the caption.
 */
import type { SchemaCatalogInput } from "../../model/catalog";
import {
  CUSTOM_API,
  LAST_MODIFIED,
  STANDARD_API,
  bool,
  date,
  datetime,
  dec,
  enm,
  entity,
  guid,
  masterAddress,
  options,
  ref,
  req,
  ro,
  salesDocumentLine,
  salesDocumentParties,
  salesDocumentTerms,
  salesDocumentTotals,
  str,
} from "./erp-catalog-fields";

// ---------------------------------------------------------------------------------------------------------------
// Standard API v2.0 entities

const customers = entity(
  "customers",
  "Customers",
  STANDARD_API,
  "number",
  [
    str("number", "No.", 20),
    str("displayName", "Name", 100),
    enm("type", "Contact Type", options("Company", "Person")),
    ...masterAddress(),
    str("phoneNumber", "Phone No.", 30),
    str("email", "E-Mail", 80),
    str("website", "Home Page", 80),
    str("salespersonCode", "Salesperson Code", 20), // a code: resolve against salespeoplePurchasers.code
    ro(dec("balanceDue", "Balance Due (LCY)")),
    dec("creditLimit", "Credit Limit (LCY)"),
    bool("taxLiable", "Tax Liable"),
    guid("taxAreaId", "Tax Area Id"),
    ro(str("taxAreaDisplayName", "Tax Area Name")),
    str("taxRegistrationNumber", "VAT Registration No."),
    ref("currencyId", "Currency Id", ["currencies"]),
    str("currencyCode", "Currency Code", 10),
    ref("paymentTermsId", "Payment Terms Id", ["paymentTerms"]),
    ref("shipmentMethodId", "Shipment Method Id", ["shipmentMethods"]),
    guid("paymentMethodId", "Payment Method Id"),
    enm("blocked", "Blocked", options(" ", "Ship", "Invoice", "All")),
    LAST_MODIFIED,
  ],
  [
    // Tandem's page only: v2.0 customers have no shipping agent (a code: resolve against shippingAgents.code).
    str("shippingAgentCode", "Shipping Agent Code", 10),
  ],
);

const contacts = entity(
  "contacts",
  "Contacts",
  STANDARD_API,
  "number",
  [
    str("number", "No.", 20),
    enm("type", "Type", options("Company", "Person")),
    req(str("displayName", "Name", 100)),
    str("companyNumber", "Company No.", 20),
    str("companyName", "Company Name", 100),
    enm(
      "contactBusinessRelation",
      "Contact Business Relation",
      options(" ", "Customer", "Vendor", "Bank Account", "Employee", "None", "Other", "Multiple"),
    ),
    ...masterAddress(),
    str("phoneNumber", "Phone No.", 30),
    str("mobilePhoneNumber", "Mobile Phone No.", 30),
    str("email", "E-Mail", 80),
    str("website", "Home Page", 80),
    str("searchName", "Search Name", 100),
    bool("privacyBlocked", "Privacy Blocked"),
    str("taxRegistrationNumber", "VAT Registration No."),
    ro(date("lastInteractionDate", "Date of Last Interaction")),
    LAST_MODIFIED,
  ],
  [
    // Tandem's page only: the customer a company contact is linked to by its Contact Business Relation (Link to Table
    // = Customer), as v2.0's contactInformation.relatedId; blank on person contacts, whose company carries the relation.
    ro(ref("customerId", "Customer Id (Business Relation)", ["customers"])),
  ],
);

const currencies = entity("currencies", "Currencies", STANDARD_API, "code", [
  req(str("code", "Code", 10)),
  str("displayName", "Description", 30),
  str("symbol", "Symbol", 10),
  str("amountDecimalPlaces", "Amount Decimal Places", 5), // a format string such as "2:2", not a number
  dec("amountRoundingPrecision", "Amount Rounding Precision"),
  LAST_MODIFIED,
]);

const unitsOfMeasure = entity("unitsOfMeasure", "Units of Measure", STANDARD_API, "code", [
  req(str("code", "Code", 10)),
  str("displayName", "Description", 50),
  str("internationalStandardCode", "International Standard Code", 10),
  str("symbol", "Symbol", 10),
  LAST_MODIFIED,
]);

const paymentTerms = entity("paymentTerms", "Payment Terms", STANDARD_API, "code", [
  req(str("code", "Code", 10)),
  str("displayName", "Description", 100),
  str("dueDateCalculation", "Due Date Calculation"), // a BC date formula, e.g. "30D"
  str("discountDateCalculation", "Discount Date Calculation"),
  dec("discountPercent", "Discount %"),
  bool("calculateDiscountOnCreditMemos", "Calc. Pmt. Disc. on Cr. Memos"),
  LAST_MODIFIED,
]);

const shipmentMethods = entity("shipmentMethods", "Shipment Methods", STANDARD_API, "code", [
  req(str("code", "Code", 10)),
  str("displayName", "Description", 100),
  LAST_MODIFIED,
]);

const items = entity("items", "Items", STANDARD_API, "number", [
  str("number", "No.", 20),
  str("displayName", "Description", 100),
  enm("type", "Type", options("Inventory", "Service", "Non-Inventory")),
  guid("itemCategoryId", "Item Category Id"),
  str("itemCategoryCode", "Item Category Code", 20),
  bool("blocked", "Blocked"),
  str("gtin", "GTIN", 14),
  // Writable in v2.0, but a PATCH posts an item journal adjustment: never map into it.
  ro(dec("inventory", "Inventory")),
  dec("unitPrice", "Unit Price"),
  bool("priceIncludesTax", "Price Includes VAT"),
  dec("unitCost", "Unit Cost"),
  guid("taxGroupId", "Tax Group Id"),
  str("taxGroupCode", "Tax Group Code", 20),
  ref("baseUnitOfMeasureId", "Base Unit of Measure Id", ["unitsOfMeasure"]),
  str("baseUnitOfMeasureCode", "Base Unit of Measure", 10),
  guid("generalProductPostingGroupId", "Gen. Prod. Posting Group Id"),
  str("generalProductPostingGroupCode", "Gen. Prod. Posting Group", 20),
  guid("inventoryPostingGroupId", "Inventory Posting Group Id"),
  str("inventoryPostingGroupCode", "Inventory Posting Group", 20),
  LAST_MODIFIED,
]);

/** Drafts (status Draft / In Review) and posted invoices (Open / Paid / Canceled / Corrective) in one set. */
const salesInvoices = entity("salesInvoices", "Sales Invoices", STANDARD_API, "number", [
  str("number", "No.", 20),
  str("externalDocumentNumber", "External Document No.", 35),
  date("invoiceDate", "Document Date"),
  date("postingDate", "Posting Date"),
  date("dueDate", "Due Date"),
  str("customerPurchaseOrderReference", "Your Reference", 35),
  ...salesDocumentParties(),
  ...salesDocumentTerms(),
  ro(ref("orderId", "Order Id", ["salesOrders"])),
  ro(str("orderNumber", "Order No.", 20)),
  ro(dec("remainingAmount", "Remaining Amount")),
  ...salesDocumentTotals(),
  ro(enm("status", "Status", options(" ", "Draft", "In Review", "Open", "Paid", "Canceled", "Corrective"))),
  LAST_MODIFIED,
  str("phoneNumber", "Sell-to Phone No.", 30),
  str("email", "Sell-to E-Mail", 80),
]);

const salesInvoiceLines = entity("salesInvoiceLines", "Sales Invoice Lines", STANDARD_API, undefined, [
  ...salesDocumentLine("salesInvoices"),
]);

/** status: Draft = BC Open, In Review = Pending Approval, Open = Released or Pending Prepayment. */
const salesOrders = entity("salesOrders", "Sales Orders", STANDARD_API, "number", [
  str("number", "No.", 20),
  str("externalDocumentNumber", "External Document No.", 35),
  date("orderDate", "Order Date"),
  date("postingDate", "Posting Date"),
  ...salesDocumentParties(),
  ...salesDocumentTerms(),
  bool("partialShipping", "Partial Shipping"),
  date("requestedDeliveryDate", "Requested Delivery Date"),
  ...salesDocumentTotals(),
  ro(bool("fullyShipped", "Completely Shipped")),
  ro(enm("status", "Status", options("Draft", "In Review", "Open"))),
  LAST_MODIFIED,
  str("phoneNumber", "Sell-to Phone No.", 30),
  str("email", "Sell-to E-Mail", 80),
]);

const salesOrderLines = entity("salesOrderLines", "Sales Order Lines", STANDARD_API, undefined, [
  ...salesDocumentLine("salesOrders"),
  ro(dec("shippedQuantity", "Quantity Shipped")),
  ro(dec("invoicedQuantity", "Quantity Invoiced")),
  dec("invoiceQuantity", "Qty. to Invoice"),
  dec("shipQuantity", "Qty. to Ship"),
]);

/**
 * v2.0 page 30037. Unlike orders: number and billToName are read-only, and there is no pricesIncludeTax or
 * discountAppliedBeforeTax. status "Expired " has a trailing blank in its enum name, hence the wire form.
 */
const salesQuotes = entity("salesQuotes", "Sales Quotes", STANDARD_API, "number", [
  ro(str("number", "No.", 20)),
  str("externalDocumentNumber", "External Document No.", 35),
  date("documentDate", "Document Date"),
  date("postingDate", "Posting Date"),
  date("dueDate", "Due Date"),
  ...salesDocumentParties().map((field) => (field.name === "billToName" ? ro(field) : field)),
  ...salesDocumentTerms().filter((field) => field.name !== "pricesIncludeTax"),
  ...salesDocumentTotals().filter((field) => field.name !== "discountAppliedBeforeTax"),
  ro(enm("status", "Status", [...options("Draft", "Sent", "Accepted"), { value: "Expired_x0020_", label: "Expired" }])),
  ro(datetime("sentDate", "Quote Sent to Customer")), // not editable: the page ignores writes
  date("validUntilDate", "Quote Valid Until Date"),
  date("acceptedDate", "Quote Accepted Date"), // docs say read-only, but the page propagates it
  LAST_MODIFIED,
  str("phoneNumber", "Sell-to Phone No.", 30),
  str("email", "Sell-to E-Mail", 80),
]);

/** v2.0 page 30045: no invoiceDiscountAllocation or shipmentDate; discountAppliedBeforeTax read-only; locationId. */
const salesQuoteLines = entity("salesQuoteLines", "Sales Quote Lines", STANDARD_API, undefined, [
  ...salesDocumentLine("salesQuotes")
    .filter((field) => field.name !== "invoiceDiscountAllocation" && field.name !== "shipmentDate")
    .map((field) => (field.name === "discountAppliedBeforeTax" ? ro(field) : field)),
  guid("locationId", "Location Id"),
]);

/** Salesperson/Purchaser: v2.0 page 30075, added in 2025 (BC 26); older environments don't have it. */
const salespeoplePurchasers = entity("salespeoplePurchasers", "Salespeople/Purchasers", STANDARD_API, "code", [
  req(str("code", "Code", 20)),
  str("displayName", "Name", 50),
  str("email", "E-Mail", 80),
  str("email2", "E-Mail 2", 80),
  str("phoneNo", "Phone No.", 30),
  str("jobTitle", "Job Title", 30),
  dec("commisionPercent", "Commission %"), // sic: the API spells it "commision"
  bool("privacyBlocked", "Privacy Blocked"),
  bool("blocked", "Blocked"),
  LAST_MODIFIED,
]);

const opportunities = entity(
  "opportunities",
  "Opportunities",
  STANDARD_API,
  "number",
  [
    str("number", "No.", 20),
    str("contactNumber", "Contact No.", 20),
    ro(str("contactName", "Contact Name", 100)),
    ro(str("contactCompanyName", "Contact Company Name", 100)),
    str("salespersonCode", "Salesperson Code", 20),
    str("description", "Description", 100),
    ro(enm("status", "Status", options("Not Started", "In Progress", "Won", "Lost"))),
    ro(bool("closed", "Closed")),
    ro(date("creationDate", "Creation Date")),
    ro(date("dateClosed", "Date Closed")),
    ro(dec("calculatedCurrentValue", "Calcd. Current Value (LCY)")),
    ro(dec("chancesOfSuccessPrc", "Chances of Success %")),
    ro(dec("completedPrc", "Completed %")),
    ro(date("estimatedClosingDate", "Estimated Closing Date")),
    ro(dec("estimatedValue", "Estimated Value (LCY)")),
    ro(datetime("systemCreatedAt", "Created At")),
    LAST_MODIFIED,
  ],
  [
    // Tandem's page only: v2.0 has the company's name but not its number, which finds the customer (and the account).
    str("contactCompanyNumber", "Contact Company No.", 20),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Custom API pages (tandem/integration/v1.0): tables v2.0 doesn't expose

const resources = entity("resources", "Resources", CUSTOM_API, "number", [
  str("number", "No.", 20),
  str("name", "Name", 100),
  str("name2", "Name 2", 50),
  enm("type", "Type", options("Person", "Machine")),
  str("baseUnitOfMeasureCode", "Base Unit of Measure", 10),
  ref("baseUnitOfMeasureId", "Base Unit of Measure Id", ["unitsOfMeasure"]),
  dec("unitPrice", "Unit Price"),
  dec("unitCost", "Unit Cost"),
  str("vendorNumber", "Vendor No.", 20),
  str("resourceGroupNumber", "Resource Group No.", 20),
  ro(dec("capacity", "Capacity")), // FlowField: sum of Res. Capacity Entry
  bool("blocked", "Blocked"),
  LAST_MODIFIED,
]);

const customerPriceGroups = entity("customerPriceGroups", "Customer Price Groups", CUSTOM_API, "code", [
  req(str("code", "Code", 10)),
  str("description", "Description", 100),
  bool("allowInvoiceDiscount", "Allow Invoice Disc."),
  bool("allowLineDiscount", "Allow Line Disc."),
  bool("priceIncludesVat", "Price Includes VAT"),
  LAST_MODIFIED,
]);

/** Legacy Sales Price table (T7002): only filled while the new sales pricing experience is off. */
const salesPrices = entity("salesPrices", "Sales Prices (legacy)", CUSTOM_API, undefined, [
  req(str("itemNumber", "Item No.", 20)),
  ro(ref("itemId", "Item Id", ["items"])),
  req(enm("salesType", "Sales Type", options("Customer", "Customer Price Group", "All Customers", "Campaign"))),
  str("salesCode", "Sales Code", 20),
  ro(ref("customerPriceGroupId", "Customer Price Group Id", ["customerPriceGroups"])), // set when salesType = Customer Price Group
  str("currencyCode", "Currency Code", 10),
  ro(ref("currencyId", "Currency Id", ["currencies"])),
  date("startingDate", "Starting Date"),
  date("endingDate", "Ending Date"),
  dec("unitPrice", "Unit Price"),
  dec("minimumQuantity", "Minimum Quantity"),
  str("unitOfMeasureCode", "Unit of Measure Code", 10),
  ro(ref("unitOfMeasureId", "Unit of Measure Id", ["unitsOfMeasure"])),
  str("variantCode", "Variant Code", 10),
  bool("priceIncludesVat", "Price Includes VAT"),
  bool("allowInvoiceDiscount", "Allow Invoice Disc."),
  bool("allowLineDiscount", "Allow Line Disc."),
  LAST_MODIFIED,
]);

const shippingAgents = entity("shippingAgents", "Shipping Agents", CUSTOM_API, "code", [
  req(str("code", "Code", 10)),
  str("name", "Name", 50),
  str("internetAddress", "Internet Address", 250),
  str("accountNumber", "Account No.", 30),
  LAST_MODIFIED,
]);

// ---------------------------------------------------------------------------------------------------------------

export const ERP_CATALOG = {
  system: "erp",
  name: "Business Central API v2.0",
  entities: [
    // standard v2.0
    customers,
    contacts,
    currencies,
    unitsOfMeasure,
    paymentTerms,
    shipmentMethods,
    items,
    salesInvoices,
    salesInvoiceLines,
    salesOrders,
    salesOrderLines,
    salesQuotes,
    salesQuoteLines,
    salespeoplePurchasers,
    opportunities,
    // custom: tables
    resources,
    customerPriceGroups,
    salesPrices,
    shippingAgents,
  ],
} satisfies SchemaCatalogInput;
