/**
 * Static schema catalog of the Dataverse (Dynamics 365 Sales) side, Web API v9.2.
 *
 * Used offline (no live describe()) so the default template's field mappings and filters can be
 * validated against real attribute names. Sources: the Dataverse / Dynamics 365 table reference
 * (MicrosoftDocs powerapps-docs and dynamics-365-customer-engagement, entity reference pages) and
 * Business Central's CRM proxy tables (ExternalName of each field).
 *
 * Conventions:
 * - entity `name` is the entity SET name (URL segment); field `name` is the attribute LOGICAL name.
 *   Lookups use the attribute name (`parentcustomerid`), not the `_parentcustomerid_value` read form.
 * - `required`: RequiredLevel ApplicationRequired, plus SystemRequired attributes the caller must
 *   supply on create (no platform default). Dataverse enforces ApplicationRequired in forms only.
 * - `readOnly`: false for both IsValidForCreate and IsValidForUpdate. Create-only / update-only
 *   columns are noted in comments.
 * - Money and Decimal -> "decimal"; BigInt -> "integer"; DateTime with DateOnly *behavior* -> "date"
 *   (Edm.Date); DateTime with UserLocal behavior -> "datetime" even when the format is DateOnly
 *   (Edm.DateTimeOffset on the wire).
 * - EntityName attributes (owneridtype, parentcustomeridtype, customeridtype) are omitted: they are
 *   not properties of the Web API entity types. The target table is carried by the
 *   `<nav>_<table>@odata.bind` name on write and by the
 *   `_x_value@Microsoft.Dynamics.CRM.lookuplogicalname` annotation on read.
 * - Business Central's own custom columns (bcbi_companyid, bcbi_businesscentralordernumber, ...) are
 *   deliberately not listed.
 */
import type { SchemaCatalogInput } from "../../model/catalog";
import { CRM_DOCUMENT_ENTITIES } from "./crm-catalog-documents";
import {
  opts,
  key,
  str,
  memo,
  int,
  dec,
  bool,
  date,
  datetime,
  choice,
  lookup,
  PAYMENT_TERMS,
  FREIGHT_TERMS,
  SHIPPING_METHOD,
  ACTIVE_INACTIVE_STATE,
  ACTIVE_INACTIVE_STATUS,
  state,
  status,
  owner,
  currency,
  audit,
  address1,
  optionSetEntity,
} from "./crm-catalog-fields";

export const CRM_CATALOG = {
  system: "crm",
  name: "Dataverse Web API v9.2 (Dynamics 365 Sales)",
  entities: [
    {
      name: "accounts",
      label: "Account",
      logicalName: "account",
      kind: "table",
      key: "accountid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("accountid"),
        str("name", 160, { required: true }),
        str("accountnumber", 20),
        str("address1_primarycontactname", 100),
        ...address1(),
        choice("address1_freighttermscode", FREIGHT_TERMS),
        choice("address1_shippingmethodcode", SHIPPING_METHOD),
        choice("paymenttermscode", PAYMENT_TERMS),
        currency(),
        str("emailaddress1", 100),
        str("fax", 50),
        str("websiteurl", 200),
        str("telephone1", 50),
        lookup("primarycontactid", ["contacts"]),
        lookup("parentaccountid", ["accounts"]),
        dec("creditlimit"),
        choice(
          "customertypecode",
          opts([
            [1, "Competitor"],
            [2, "Consultant"],
            [3, "Customer"],
            [4, "Investor"],
            [5, "Partner"],
            [6, "Influencer"],
            [7, "Press"],
            [8, "Prospect"],
            [9, "Reseller"],
            [10, "Supplier"],
            [11, "Vendor"],
            [12, "Other"],
          ]),
        ),
        memo("description", 2000),
        state(ACTIVE_INACTIVE_STATE), // not valid for create
        status(ACTIVE_INACTIVE_STATUS),
        owner(),
        ...audit(),
      ],
    },
    {
      name: "contacts",
      label: "Contact",
      logicalName: "contact",
      kind: "table",
      key: "contactid",
      primaryName: "fullname",
      modifiedOn: "modifiedon",
      fields: [
        key("contactid"),
        str("firstname", 50),
        str("middlename", 50),
        str("lastname", 50, { required: true }),
        str("fullname", 160, { readOnly: true }), // composed from first/middle/last name
        lookup("parentcustomerid", ["accounts", "contacts"]), // Customer-type lookup
        ...address1(),
        str("emailaddress1", 100),
        str("fax", 50),
        str("websiteurl", 200),
        str("mobilephone", 50),
        str("pager", 50),
        str("telephone1", 50),
        currency(),
        state(ACTIVE_INACTIVE_STATE), // not valid for create
        status(ACTIVE_INACTIVE_STATUS),
        owner(),
        ...audit(),
      ],
    },
    {
      name: "systemusers",
      label: "User",
      logicalName: "systemuser",
      kind: "table",
      key: "systemuserid",
      primaryName: "fullname",
      modifiedOn: "modifiedon",
      fields: [
        key("systemuserid"),
        str("fullname", 200, { readOnly: true }),
        str("internalemailaddress", 100, { required: true }), // SystemRequired
        str("mobilephone", 64),
        bool("isdisabled"), // not valid for create
        bool("islicensed"),
        bool("isintegrationuser"),
        choice(
          "accessmode",
          opts([
            [0, "Read-Write"],
            [1, "Administrative"],
            [2, "Read"],
            [3, "Support User"],
            [4, "Non-interactive"],
            [5, "Delegated Admin"],
          ]),
        ),
        ...audit(),
      ],
    },
    {
      name: "transactioncurrencies",
      label: "Currency",
      logicalName: "transactioncurrency",
      kind: "table",
      key: "transactioncurrencyid",
      primaryName: "currencyname",
      modifiedOn: "modifiedon",
      fields: [
        key("transactioncurrencyid"),
        str("isocurrencycode", 5, { required: true }), // SystemRequired
        str("currencyname", 100, { required: true }), // SystemRequired
        str("currencysymbol", 10, { required: true }), // SystemRequired
        dec("exchangerate", { required: true }), // SystemRequired, Decimal(12)
        int("currencyprecision", { required: true }), // SystemRequired, 0..10
        state(ACTIVE_INACTIVE_STATE),
        status(ACTIVE_INACTIVE_STATUS),
        ...audit(),
      ],
    },
    {
      // One row per environment; its base currency is what Business Central's local currency stands for.
      name: "organizations",
      label: "Organization",
      logicalName: "organization",
      kind: "table",
      key: "organizationid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("organizationid"),
        str("name", 160, { readOnly: true }),
        lookup("basecurrencyid", ["transactioncurrencies"], { readOnly: true }),
        ...audit(),
      ],
    },
    {
      name: "uomschedules",
      label: "Unit Group",
      logicalName: "uomschedule",
      kind: "table",
      key: "uomscheduleid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("uomscheduleid"),
        str("name", 200, { required: true }), // SystemRequired
        str("baseuomname", 100, { createOnly: true }), // create only (the base unit is created with the group)
        memo("description", 2000),
        state(ACTIVE_INACTIVE_STATE), // not valid for create
        status(ACTIVE_INACTIVE_STATUS),
        ...audit(),
      ],
    },
    {
      name: "uoms",
      label: "Unit",
      logicalName: "uom",
      kind: "table",
      key: "uomid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("uomid"),
        str("name", 100, { required: true }), // SystemRequired
        lookup("uomscheduleid", ["uomschedules"], { required: true, createOnly: true }), // SystemRequired, create only
        lookup("baseuom", ["uoms"], { required: true }),
        dec("quantity", { required: true }),
        bool("isschedulebaseuom", { readOnly: true }),
        ...audit(),
      ],
    },
    {
      name: "products",
      label: "Product",
      logicalName: "product",
      kind: "table",
      key: "productid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("productid"),
        str("name", 100, { required: true }),
        str("productnumber", 100, { required: true }), // SystemRequired
        choice(
          "producttypecode",
          opts([
            [1, "Sales Inventory"],
            [2, "Miscellaneous Charges"],
            [3, "Services"],
            [4, "Flat Fees"],
          ]),
        ),
        choice(
          "productstructure",
          opts([
            [1, "Product"],
            [2, "Product Family"],
            [3, "Product Bundle"],
          ]),
          { createOnly: true },
        ), // create only; defaults to Product
        dec("price"),
        dec("standardcost"),
        dec("currentcost"),
        dec("stockvolume"),
        dec("stockweight"),
        str("vendorid", 100), // a text column, not a lookup
        str("vendorname", 100),
        str("vendorpartnumber", 100),
        dec("quantityonhand"),
        int("quantitydecimal", { required: true }), // 0..5
        lookup("defaultuomscheduleid", ["uomschedules"], { required: true }),
        lookup("defaultuomid", ["uoms"], { required: true }),
        lookup("pricelevelid", ["pricelevels"]), // default price list; update only (not valid for create)
        currency(),
        memo("description", 2000),
        state(
          opts([
            [0, "Active"],
            [1, "Retired"],
            [2, "Draft"],
            [3, "Under Revision"],
          ]),
        ),
        status(
          opts([
            [0, "Draft"],
            [1, "Active"],
            [2, "Retired"],
            [3, "Under Revision"],
          ]),
        ),
        ...audit(),
      ],
    },
    {
      name: "pricelevels",
      label: "Price List",
      logicalName: "pricelevel",
      kind: "table",
      key: "pricelevelid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("pricelevelid"),
        str("name", 100, { required: true }), // SystemRequired
        memo("description", 2000),
        currency({ required: true, createOnly: true }), // create only
        datetime("begindate"), // UserLocal, DateOnly format
        datetime("enddate"), // UserLocal, DateOnly format
        state(ACTIVE_INACTIVE_STATE), // not valid for create
        status(
          opts([
            [100001, "Active"],
            [100002, "Inactive"],
          ]),
        ),
        ...audit(),
      ],
    },
    {
      name: "productpricelevels",
      label: "Price List Item",
      logicalName: "productpricelevel",
      kind: "table",
      key: "productpricelevelid",
      primaryName: "productidname",
      modifiedOn: "modifiedon",
      fields: [
        key("productpricelevelid"),
        lookup("pricelevelid", ["pricelevels"], { required: true, createOnly: true }), // SystemRequired, create only
        lookup("productid", ["products"], { required: true }), // SystemRequired
        str("productidname", 100, { readOnly: true }),
        str("productnumber", 100, { readOnly: true }), // copied from the product by the platform
        lookup("uomid", ["uoms"], { required: true }),
        lookup("uomscheduleid", ["uomschedules"]),
        dec("amount", { required: true }),
        dec("percentage"),
        choice(
          "pricingmethodcode",
          opts([
            [1, "Currency Amount"],
            [2, "Percent of List"],
            [3, "Percent Markup - Current Cost"],
            [4, "Percent Margin - Current Cost"],
            [5, "Percent Markup - Standard Cost"],
            [6, "Percent Margin - Standard Cost"],
          ]),
          { required: true },
        ),
        choice(
          "quantitysellingcode",
          opts([
            [1, "No Control"],
            [2, "Whole"],
            [3, "Whole and Fractional"],
          ]),
          { required: true },
        ),
        currency(), // update only: taken from the price list on create
        ...audit(),
      ],
    },
    {
      name: "opportunities",
      label: "Opportunity",
      logicalName: "opportunity",
      kind: "table",
      key: "opportunityid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("opportunityid"),
        str("name", 300, { required: true }),
        lookup("parentcontactid", ["contacts"]),
        lookup("parentaccountid", ["accounts"]),
        lookup("customerid", ["accounts", "contacts"]),
        dec("estimatedvalue"),
        date("estimatedclosedate"),
        lookup("pricelevelid", ["pricelevels"]),
        currency(),
        owner(),
        state(
          opts([
            [0, "Open"],
            [1, "Won"],
            [2, "Lost"],
          ]),
        ),
        status(
          opts([
            [1, "In Progress"],
            [2, "On Hold"],
            [3, "Won"],
            [4, "Canceled"],
            [5, "Out-Sold"],
          ]),
        ),
        ...audit(),
      ],
    },
    ...CRM_DOCUMENT_ENTITIES,
    optionSetEntity("account.paymenttermscode", "Payment Terms (account choice)"),
    optionSetEntity("account.address1_freighttermscode", "Freight Terms (account address 1 choice)"),
    optionSetEntity("account.address1_shippingmethodcode", "Shipping Method (account address 1 choice)"),
    // The documents' own choice columns, which BC gives every option it adds to the account's (OnAfterInsertOption).
    optionSetEntity("invoice.paymenttermscode", "Payment Terms (invoice choice)"),
    optionSetEntity("invoice.shippingmethodcode", "Shipping Method (invoice choice)"),
    optionSetEntity("salesorder.paymenttermscode", "Payment Terms (order choice)"),
    optionSetEntity("salesorder.freighttermscode", "Freight Terms (order choice)"),
    optionSetEntity("salesorder.shippingmethodcode", "Shipping Method (order choice)"),
    optionSetEntity("quote.paymenttermscode", "Payment Terms (quote choice)"),
    optionSetEntity("quote.freighttermscode", "Freight Terms (quote choice)"),
    optionSetEntity("quote.shippingmethodcode", "Shipping Method (quote choice)"),
  ],
} satisfies SchemaCatalogInput;
