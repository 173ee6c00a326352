/** Builders, option lists and shared field groups of the Dataverse catalog (see crm-catalog.ts). */
import type { SchemaCatalogInput } from "../../model/catalog";
export type EntityInput = SchemaCatalogInput["entities"][number];
export type FieldInput = EntityInput["fields"][number];
export type OptionInput = NonNullable<FieldInput["options"]>[number];
type FieldFlags = Pick<FieldInput, "label" | "required" | "readOnly" | "createOnly">;

// ---------------------------------------------------------------------------------------------
// Field builders
// ---------------------------------------------------------------------------------------------

export const opts = (pairs: ReadonlyArray<readonly [number, string]>): OptionInput[] =>
  pairs.map(([value, label]) => ({ value, label }));

export const key = (name: string): FieldInput => ({ name, type: "guid" });
export const str = (name: string, maxLength: number, flags: FieldFlags = {}): FieldInput => ({
  name,
  type: "string",
  maxLength,
  ...flags,
});
export const memo = (name: string, maxLength: number, flags: FieldFlags = {}): FieldInput => ({
  name,
  type: "text",
  maxLength,
  ...flags,
});
export const int = (name: string, flags: FieldFlags = {}): FieldInput => ({ name, type: "integer", ...flags });
/** Money or Decimal */
export const dec = (name: string, flags: FieldFlags = {}): FieldInput => ({ name, type: "decimal", ...flags });
export const bool = (name: string, flags: FieldFlags = {}): FieldInput => ({ name, type: "boolean", ...flags });
/** DateTime with DateOnly behavior */
export const date = (name: string, flags: FieldFlags = {}): FieldInput => ({ name, type: "date", ...flags });
/** DateTime with UserLocal behavior */
export const datetime = (name: string, flags: FieldFlags = {}): FieldInput => ({ name, type: "datetime", ...flags });
export const choice = (name: string, options: OptionInput[], flags: FieldFlags = {}): FieldInput => ({
  name,
  type: "optionset",
  options,
  ...flags,
});
export const lookup = (name: string, lookupTargets: string[], flags: FieldFlags = {}): FieldInput => ({
  name,
  type: "lookup",
  lookupTargets,
  ...flags,
});

// ---------------------------------------------------------------------------------------------
// Shared option lists
// ---------------------------------------------------------------------------------------------

/** account.paymenttermscode (same values on contact, invoice, quote, salesorder) */
export const PAYMENT_TERMS = opts([
  [1, "Net 30"],
  [2, "2% 10, Net 30"],
  [3, "Net 45"],
  [4, "Net 60"],
]);
/** account.address1_freighttermscode; salesorder.freighttermscode */
export const FREIGHT_TERMS = opts([
  [1, "FOB"],
  [2, "No Charge"],
]);
/** account.address1_shippingmethodcode; invoice/salesorder.shippingmethodcode */
export const SHIPPING_METHOD = opts([
  [1, "Airborne"],
  [2, "DHL"],
  [3, "FedEx"],
  [4, "UPS"],
  [5, "Postal Mail"],
  [6, "Full Load"],
  [7, "Will Call"],
]);
export const ACTIVE_INACTIVE_STATE = opts([
  [0, "Active"],
  [1, "Inactive"],
]);
export const ACTIVE_INACTIVE_STATUS = opts([
  [1, "Active"],
  [2, "Inactive"],
]);

// ---------------------------------------------------------------------------------------------
// Common field groups
// ---------------------------------------------------------------------------------------------

/** statecode is valid for update only on most tables (set via PATCH together with statuscode). */
export const state = (options: OptionInput[]): FieldInput => choice("statecode", options);
export const status = (options: OptionInput[]): FieldInput => choice("statuscode", options);

export const owner = (): FieldInput => lookup("ownerid", ["systemusers", "teams"]);
export const currency = (flags: FieldFlags = {}): FieldInput =>
  lookup("transactioncurrencyid", ["transactioncurrencies"], flags);

/** System audit columns: never valid for create or update. */
export const audit = (): FieldInput[] => [
  datetime("createdon", { readOnly: true }),
  datetime("modifiedon", { readOnly: true }),
  lookup("modifiedby", ["systemusers"], { readOnly: true }),
  int("versionnumber", { readOnly: true }), // BigInt row version, mirrors the ETag
];

/**
 * The six address1 columns Business Central maps on account and contact.
 * Lengths read on account; contact assumed identical (unverified).
 */
export const address1 = (): FieldInput[] => [
  str("address1_line1", 250),
  str("address1_line2", 250),
  str("address1_postalcode", 20),
  str("address1_city", 80),
  str("address1_country", 80),
  str("address1_stateorprovince", 50),
];

/** shipto_* / billto_* address block on invoice and salesorder. */
export const docAddress = (prefix: "shipto" | "billto"): FieldInput[] => [
  str(`${prefix}_name`, 200),
  str(`${prefix}_line1`, 250),
  str(`${prefix}_line2`, 250),
  str(`${prefix}_line3`, 250),
  str(`${prefix}_city`, 80),
  str(`${prefix}_stateorprovince`, 50),
  str(`${prefix}_postalcode`, 20),
  str(`${prefix}_country`, 80),
  str(`${prefix}_telephone`, 50),
  str(`${prefix}_fax`, 50),
];

/**
 * Document totals; valid for update only (the platform computes them on create).
 * Verified on salesorder; invoice assumed identical (unverified).
 */
export const docTotals = (): FieldInput[] => [
  dec("totalamountlessfreight"),
  dec("totalamount"),
  dec("discountamount"),
  dec("discountpercentage"),
  dec("totallineitemamount"),
  dec("totaltax"),
  dec("freightamount"),
];

/** A Dataverse choice column seen as a table of its option values (BC option mappings). */
export const optionSetEntity = (name: string, label: string): EntityInput => ({
  name,
  label,
  logicalName: name,
  kind: "optionset",
  key: "value",
  primaryName: "label",
  fields: [
    { name: "value", type: "integer" },
    { name: "label", type: "string" },
  ],
});

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------
