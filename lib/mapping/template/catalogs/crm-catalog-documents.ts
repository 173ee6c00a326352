/** Sales documents of the Dataverse catalog: invoices, orders, quotes and their lines; timeline posts. */
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
      str("ordernumber", 100, { createOnly: true }), // SystemRequired, auto-numbered when omitted; create only
      lookup("customerid", ["accounts", "contacts"], { required: true }),
      owner(),
      currency({ required: true, createOnly: true }), // create only (IsValidForUpdate false)
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
        { createOnly: true },
      ), // SystemRequired with default 1; create only
      dec("quantity", { required: true }),
      dec("quantityshipped"),
      dec("priceperunit"),
      bool("ispriceoverridden"),
      bool("isproductoverridden", { createOnly: true }), // create only
      str("productdescription", 500), // write-in product name
      dec("baseamount"), // update only
      dec("extendedamount"), // update only
      dec("manualdiscountamount"),
      dec("tax"),
      datetime("requestdeliveryby"), // UserLocal, DateOnly format
      int("lineitemnumber"),
      memo("description", 2000),
      currency({ createOnly: true }), // create only
      ...audit(),
    ],
  },
  {
    name: "quotes",
    label: "Quote",
    logicalName: "quote",
    kind: "table",
    key: "quoteid",
    primaryName: "name",
    modifiedOn: "modifiedon",
    fields: [
      key("quoteid"),
      str("name", 300, { required: true }),
      str("quotenumber", 100, { createOnly: true }), // SystemRequired, auto-numbered when omitted; create only; shared by all revisions
      int("revisionnumber", { readOnly: true }), // 0 on a new quote; ReviseQuote creates the next revision
      lookup("customerid", ["accounts", "contacts"], { required: true }),
      owner(),
      currency({ required: true }),
      lookup("pricelevelid", ["pricelevels"], { required: true }),
      lookup("opportunityid", ["opportunities"]),
      datetime("effectivefrom"), // UserLocal, DateOnly format
      datetime("effectiveto"), // UserLocal, DateOnly format; BC: Quote Valid Until Date
      datetime("requestdeliveryby"), // UserLocal, DateOnly format
      date("expireson"), // "Due By"; DateOnly behavior
      date("closedon"), // DateOnly behavior
      ...docAddress("shipto"),
      ...docAddress("billto"),
      ...docTotals(),
      choice("shippingmethodcode", SHIPPING_METHOD),
      choice("paymenttermscode", PAYMENT_TERMS),
      choice("freighttermscode", FREIGHT_TERMS),
      bool("willcall"),
      memo("description", 2000),
      // not valid for create; Won / Closed are set with the WinQuote / CloseQuote actions
      state(
        opts([
          [0, "Draft"],
          [1, "Active"],
          [2, "Won"],
          [3, "Closed"],
        ]),
      ),
      status(
        opts([
          [1, "In Progress"], // Draft
          [2, "In Progress"], // Active
          [3, "Open"], // Active
          [4, "Won"], // Won
          [5, "Lost"], // Closed
          [6, "Canceled"], // Closed
          [7, "Revised"], // Closed
        ]),
      ),
      ...audit(),
    ],
  },
  {
    name: "quotedetails",
    label: "Quote Product",
    logicalName: "quotedetail",
    kind: "table",
    key: "quotedetailid",
    primaryName: "quotedetailname",
    modifiedOn: "modifiedon",
    fields: [
      key("quotedetailid"),
      str("quotedetailname", 500), // ApplicationRequired in metadata; internal 1:n name, not set by BC
      lookup("quoteid", ["quotes"], { required: true }), // SystemRequired
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
        { createOnly: true },
      ), // SystemRequired with default 1; create only
      dec("quantity", { required: true }),
      dec("priceperunit"),
      bool("ispriceoverridden"),
      bool("isproductoverridden", { createOnly: true }), // create only
      str("productdescription", 500), // write-in product name
      dec("baseamount"), // update only
      dec("extendedamount"), // update only
      dec("manualdiscountamount"),
      dec("tax"),
      datetime("requestdeliveryby"), // UserLocal, DateOnly format
      int("lineitemnumber"),
      int("sequencenumber"), // BC orders the lines by it
      memo("description", 2000),
      currency({ createOnly: true }), // create only
      ...audit(),
    ],
  },
  {
    // Activity-feed (timeline) post. Posts are never updated: every writable column is create only.
    // No versionnumber column, so no audit() group.
    name: "posts",
    label: "Post",
    logicalName: "post",
    kind: "table",
    key: "postid",
    primaryName: "text",
    modifiedOn: "modifiedon",
    fields: [
      key("postid"),
      str("text", 2000, { required: true }), // plain text on manual posts, XML on auto posts
      // SystemRequired; polymorphic over every table with activity feeds enabled (metadata lists no targets)
      lookup("regardingobjectid", ["accounts", "contacts", "opportunities", "salesorders", "quotes"], {
        required: true,
      }),
      choice(
        "source",
        opts([
          [1, "Auto Post"],
          [2, "Manual Post"],
          [3, "ActionHub Post"],
        ]),
        { required: true },
      ),
      choice(
        "type",
        opts([
          [1, "Check-in"],
          [2, "Idea"],
          [3, "News"],
          [4, "Private Message"],
          [5, "Question"],
          [6, "Re-post"],
          [7, "Status"],
        ]),
        { required: true },
      ),
      lookup("createdby", ["systemusers"], { readOnly: true }),
      datetime("createdon", { readOnly: true }),
      datetime("modifiedon", { readOnly: true }),
      lookup("modifiedby", ["systemusers"], { readOnly: true }),
    ],
  },
];
