/** Sales documents of the Dataverse catalog: invoices, orders and their lines. */
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
  state,
  status,
  owner,
  currency,
  audit,
  docAddress,
  docTotals,
} from "./crm-catalog-fields";
import type { EntityInput } from "./crm-catalog-fields";

export const CRM_DOCUMENT_ENTITIES: EntityInput[] = [
    {
      name: "invoices",
      label: "Invoice",
      logicalName: "invoice",
      kind: "table",
      key: "invoiceid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("invoiceid"),
        str("name", 300, { required: true }),
        str("invoicenumber", 100), // SystemRequired, auto-numbered when omitted
        lookup("customerid", ["accounts", "contacts"], { required: true }),
        owner(),
        currency({ required: true }),
        lookup("pricelevelid", ["pricelevels"], { required: true }),
        lookup("opportunityid", ["opportunities"]),
        lookup("salesorderid", ["salesorders"]),
        date("duedate"),
        datetime("datedelivered"), // UserLocal, DateOnly format
        ...docAddress("shipto"),
        ...docAddress("billto"),
        ...docTotals(),
        choice("shippingmethodcode", SHIPPING_METHOD),
        choice("paymenttermscode", PAYMENT_TERMS),
        memo("description", 2000),
        state(
          opts([
            [0, "Active"],
            [1, "Closed (deprecated)"],
            [2, "Paid"],
            [3, "Canceled"],
          ]),
        ),
        status(
          opts([
            [1, "New"],
            [2, "Partially Shipped"],
            [3, "Canceled (deprecated)"],
            [4, "Billed"],
            [5, "Booked (applies to services)"],
            [6, "Installed (applies to services)"],
            [7, "Paid in Full (deprecated)"],
            [100001, "Complete"],
            [100002, "Partial"],
            [100003, "Canceled"],
          ]),
        ),
        ...audit(),
      ],
    },
    {
      name: "invoicedetails",
      label: "Invoice Product",
      logicalName: "invoicedetail",
      kind: "table",
      key: "invoicedetailid",
      primaryName: "invoicedetailname",
      modifiedOn: "modifiedon",
      fields: [
        key("invoicedetailid"),
        str("invoicedetailname", 850), // ApplicationRequired in metadata; internal 1:n name, not set by BC
        lookup("invoiceid", ["invoices"], { required: true }), // SystemRequired
        lookup("productid", ["products"]),
        lookup("uomid", ["uoms"]),
        choice(
          "producttypecode",
          opts([
            [1, "Product"],
            [2, "Bundle"],
            [3, "Required Bundle Product"],
            [4, "Optional Bundle Product"],
            [5, "Project-based Service"],
          ]),
        ),
        dec("quantity", { required: true }),
        dec("quantityshipped"),
        dec("manualdiscountamount"),
        dec("priceperunit"),
        bool("ispriceoverridden"),
        bool("isproductoverridden"),
        str("productdescription", 850), // write-in product name
        dec("baseamount"),
        dec("extendedamount"),
        dec("tax"),
        int("lineitemnumber"),
        memo("description", 2000),
        currency(),
        ...audit(),
      ],
    },
    {
      name: "salesorders",
      label: "Order",
      logicalName: "salesorder",
      kind: "table",
      key: "salesorderid",
      primaryName: "name",
      modifiedOn: "modifiedon",
      fields: [
        key("salesorderid"),
        str("name", 300, { required: true }),
        str("ordernumber", 100), // SystemRequired, auto-numbered when omitted; create only
        lookup("customerid", ["accounts", "contacts"], { required: true }),
        owner(),
        currency({ required: true }), // create only (IsValidForUpdate false)
        lookup("pricelevelid", ["pricelevels"], { required: true }),
        lookup("opportunityid", ["opportunities"]),
        datetime("requestdeliveryby"), // UserLocal, DateOnly format
        datetime("datefulfilled"), // UserLocal, DateOnly format
        ...docAddress("shipto"),
        ...docAddress("billto"),
        ...docTotals(),
        choice("shippingmethodcode", SHIPPING_METHOD),
        choice("paymenttermscode", PAYMENT_TERMS),
        choice("freighttermscode", FREIGHT_TERMS),
        bool("willcall"),
        memo("description", 2000),
        state(
          opts([
            [0, "Active"],
            [1, "Submitted"],
            [2, "Canceled"],
            [3, "Fulfilled"],
            [4, "Invoiced"],
          ]),
        ),
        status(
          opts([
            [1, "New"],
            [2, "Pending"],
            [3, "In Progress"],
            [4, "No Money"],
            [100001, "Complete"],
            [100002, "Partial"],
            [100003, "Invoiced"],
          ]),
        ),
        ...audit(),
      ],
    },
    {
      name: "salesorderdetails",
      label: "Order Product",
      logicalName: "salesorderdetail",
      kind: "table",
      key: "salesorderdetailid",
      primaryName: "salesorderdetailname",
      modifiedOn: "modifiedon",
      fields: [
        key("salesorderdetailid"),
        str("salesorderdetailname", 500), // ApplicationRequired in metadata; internal 1:n name, not set by BC
        lookup("salesorderid", ["salesorders"], { required: true }), // SystemRequired
        lookup("productid", ["products"]),
        lookup("uomid", ["uoms"]),
        choice(
          "producttypecode",
          opts([
            [1, "Product"],
            [2, "Bundle"],
            [3, "Required Bundle Product"],
            [4, "Optional Bundle Product"],
            [5, "Project-based Service"],
          ]),
        ), // SystemRequired with default 1; create only
        dec("quantity", { required: true }),
        dec("quantityshipped"),
        dec("priceperunit"),
        bool("ispriceoverridden"),
        bool("isproductoverridden"), // create only
        str("productdescription", 500), // write-in product name
        dec("baseamount"), // update only
        dec("extendedamount"), // update only
        dec("manualdiscountamount"),
        dec("tax"),
        datetime("requestdeliveryby"), // UserLocal, DateOnly format
        int("lineitemnumber"),
        memo("description", 2000),
        currency(), // create only
        ...audit(),
      ],
    },
];
