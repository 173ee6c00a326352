/** Builders and shared field groups of the Business Central catalog (see erp-catalog.ts). */
import type { SchemaCatalogInput } from "../../model/catalog";

export type EntityInput = SchemaCatalogInput["entities"][number];
export type FieldInput = EntityInput["fields"][number];
export type OptionInput = NonNullable<FieldInput["options"]>[number];
type FieldFlags = Pick<FieldInput, "required" | "readOnly">;

export const STANDARD_API = "v2.0";
export const CUSTOM_API = "tandem/integration/v1.0";
const MODIFIED_ON = "lastModifiedDateTime";
/** The field of Tandem's API pages that holds a create's idempotency key (Text[100], unique per table). */
export const INTEGRATION_KEY = "integrationKey";

// ---------------------------------------------------------------------------------------------------------------
// Field builders

export function str(name: string, label: string, maxLength?: number, flags: FieldFlags = {}): FieldInput {
  return { name, label, type: "string", ...(maxLength === undefined ? {} : { maxLength }), ...flags };
}

function plain(type: "text" | "integer" | "decimal" | "boolean" | "date" | "datetime" | "guid") {
  return (name: string, label: string, flags: FieldFlags = {}): FieldInput => ({ name, label, type, ...flags });
}
export const text = plain("text");
export const int = plain("integer");
export const dec = plain("decimal");
export const bool = plain("boolean");
export const date = plain("date");
export const datetime = plain("datetime");
/** A GUID reference to an entity set this catalog doesn't carry (tax areas, payment methods…). */
export const guid = plain("guid");

/** An `*Id` reference to another entity set of this catalog. */
export function ref(name: string, label: string, lookupTargets: string[], flags: FieldFlags = {}): FieldInput {
  return { name, label, type: "lookup", lookupTargets, ...flags };
}

export function enm(name: string, label: string, options: OptionInput[], flags: FieldFlags = {}): FieldInput {
  return { name, label, type: "enum", options, ...flags };
}

export const ro = (field: FieldInput): FieldInput => ({ ...field, readOnly: true });
export const req = (field: FieldInput): FieldInput => ({ ...field, required: true });

/** The enum member name BC puts on the wire for an option caption. */
function wireName(caption: string): string {
  return caption.replace(
    /[^A-Za-z0-9_]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

export function options(...captions: string[]): OptionInput[] {
  return captions.map((caption) => ({ value: wireName(caption), label: caption === " " ? "(blank)" : caption }));
}

// ---------------------------------------------------------------------------------------------------------------
// Shared field groups

export const ID: FieldInput = { name: "id", label: "Id (SystemId)", type: "guid", readOnly: true };
export const LAST_MODIFIED = ro(datetime(MODIFIED_ON, "Last Modified Date-Time"));

/** Master-data address: addressLine1, addressLine2, city, state, country, postalCode. */
export function masterAddress(): FieldInput[] {
  return [
    str("addressLine1", "Address", 100),
    str("addressLine2", "Address 2", 50),
    str("city", "City", 30),
    str("state", "County / State", 30),
    str("country", "Country/Region Code", 10),
    str("postalCode", "Post Code", 20),
  ];
}

/** Document address block: <prefix>AddressLine1, …AddressLine2, …City, …Country, …State, …PostCode. */
function documentAddress(prefix: "sellTo" | "billTo" | "shipTo", caption: string): FieldInput[] {
  return [
    str(`${prefix}AddressLine1`, `${caption} Address`, 100),
    str(`${prefix}AddressLine2`, `${caption} Address 2`, 50),
    str(`${prefix}City`, `${caption} City`, 30),
    str(`${prefix}Country`, `${caption} Country/Region Code`, 10),
    str(`${prefix}State`, `${caption} County / State`, 30),
    str(`${prefix}PostCode`, `${caption} Post Code`, 20),
  ];
}

/** Customer, bill-to and address fields common to salesInvoices and salesOrders. */
export function salesDocumentParties(): FieldInput[] {
  return [
    ref("customerId", "Sell-to Customer Id", ["customers"]),
    str("customerNumber", "Sell-to Customer No.", 20),
    str("customerName", "Sell-to Customer Name", 100, { readOnly: true }),
    str("billToName", "Bill-to Name", 100),
    ref("billToCustomerId", "Bill-to Customer Id", ["customers"]),
    str("billToCustomerNumber", "Bill-to Customer No.", 20),
    str("shipToName", "Ship-to Name", 100),
    str("shipToContact", "Ship-to Contact", 100),
    ...documentAddress("sellTo", "Sell-to"),
    ...documentAddress("billTo", "Bill-to"),
    ...documentAddress("shipTo", "Ship-to"),
  ];
}

/** Terms, currency and salesperson of a sales document header. */
export function salesDocumentTerms(): FieldInput[] {
  return [
    ref("currencyId", "Currency Id", ["currencies"]),
    str("currencyCode", "Currency Code", 10),
    str("shortcutDimension1Code", "Shortcut Dimension 1 Code", 20),
    str("shortcutDimension2Code", "Shortcut Dimension 2 Code", 20),
    ref("paymentTermsId", "Payment Terms Id", ["paymentTerms"]),
    ref("shipmentMethodId", "Shipment Method Id", ["shipmentMethods"]),
    str("salesperson", "Salesperson Code", 20),
    ro(bool("pricesIncludeTax", "Prices Including VAT")),
  ];
}

export function salesDocumentTotals(): FieldInput[] {
  return [
    dec("discountAmount", "Invoice Discount Amount"),
    bool("discountAppliedBeforeTax", "Discount Applied Before Tax"),
    ro(dec("totalAmountExcludingTax", "Amount (excl. tax)")),
    ro(dec("totalTaxAmount", "Total Tax Amount")),
    ro(dec("totalAmountIncludingTax", "Amount Including VAT")),
  ];
}

export const LINE_TYPES = options(
  "Comment",
  "Account",
  "Item",
  "Resource",
  "Fixed Asset",
  "Charge",
  "Allocation Account",
);

/** salesInvoiceLines / salesOrderLines: v2.0 line aggregate fields (no lastModifiedDateTime on lines). */
export function salesDocumentLine(parentSet: string): FieldInput[] {
  return [
    req(ref("documentId", "Document Id", [parentSet])),
    int("sequence", "Line No."),
    ref("itemId", "Item Id", ["items"]),
    guid("accountId", "G/L Account Id"),
    enm("lineType", "Type", LINE_TYPES),
    str("lineObjectNumber", "No.", 20),
    str("description", "Description", 100),
    ref("unitOfMeasureId", "Unit of Measure Id", ["unitsOfMeasure"]),
    str("unitOfMeasureCode", "Unit of Measure Code", 10),
    dec("quantity", "Quantity"),
    dec("unitPrice", "Unit Price"),
    dec("discountAmount", "Line Discount Amount"),
    dec("discountPercent", "Line Discount %"),
    bool("discountAppliedBeforeTax", "Discount Applied Before Tax"),
    ro(dec("amountExcludingTax", "Line Amount (excl. tax, before invoice discount)")),
    str("taxCode", "Tax / VAT Prod. Posting Group Code", 20),
    ro(dec("taxPercent", "VAT %")),
    ro(dec("totalTaxAmount", "Total Tax Amount")),
    ro(dec("amountIncludingTax", "Line Amount (incl. tax, before invoice discount)")),
    ro(dec("invoiceDiscountAllocation", "Inv. Discount Amount")),
    ro(dec("netAmount", "Amount (after all discounts, excl. tax)")),
    ro(dec("netTaxAmount", "Net Tax Amount")),
    ro(dec("netAmountIncludingTax", "Amount Including VAT (after all discounts)")),
    date("shipmentDate", "Shipment Date"),
    guid("itemVariantId", "Item Variant Id"),
  ];
}

/**
 * Tables with a modified-on also get Tandem's API page over the same table (`extension`): it serves their fields, the
 * `extensionFields` the standard page lacks, and the integration key creates carry (see CUSTOM-ERP-ENTITIES.md).
 */
export function entity(
  name: string,
  label: string,
  api: string,
  primaryName: string | undefined,
  fields: FieldInput[],
  extensionFields: FieldInput[] = [],
): EntityInput {
  const hasModifiedOn = fields.some((field) => field.name === MODIFIED_ON);
  return {
    name,
    label,
    key: "id",
    ...(primaryName === undefined ? {} : { primaryName }),
    ...(hasModifiedOn ? { modifiedOn: MODIFIED_ON } : {}),
    api,
    fields: [ID, ...fields, ...extensionFields],
    ...(hasModifiedOn
      ? { extension: { api: CUSTOM_API, fields: extensionFields.map((f) => f.name), integrationKey: INTEGRATION_KEY } }
      : {}),
  };
}
