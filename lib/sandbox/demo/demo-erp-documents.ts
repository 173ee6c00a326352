/** Business Central demo documents: posted and draft invoices, released and draft orders, a draft quote, with lines. */
import { codeRef, currencyFields } from "./demo-erp-masters";
import { customerContact } from "./demo-erp-parties";
import {
  customer,
  day,
  erpId,
  item,
  resource,
  round2,
  type CustomerSpec,
  type DemoRow,
  type DemoSet,
} from "./demo-ids";

type LineSpec = { item?: string; resource?: string; qty: number; discountPercent?: number };
type HeaderSet = "salesInvoices" | "salesOrders" | "salesQuotes";
const LINE_SET: Record<HeaderSet, string> = {
  salesInvoices: "salesInvoiceLines",
  salesOrders: "salesOrderLines",
  salesQuotes: "salesQuoteLines",
};

/** Sales tax on furniture; labor is not taxed. */
const ITEM_TAX = { code: "FURNITURE", percent: 8 };
const LABOR_TAX = { code: "LABOR", percent: 0 };

/** One document line with BC's computed amounts (no invoice discount). */
function documentLine(
  set: HeaderSet,
  number: string,
  index: number,
  spec: LineSpec,
  now: Date,
  shipIn: number,
): DemoRow {
  const sequence = (index + 1) * 10000;
  const isItem = spec.item !== undefined;
  const source = isItem ? item(spec.item!) : resource(spec.resource!);
  const unit = isItem ? "PCS" : "HOUR";
  const tax = isItem ? ITEM_TAX : LABOR_TAX;
  const gross = round2(spec.qty * source.price);
  const discountAmount = round2((gross * (spec.discountPercent ?? 0)) / 100);
  const net = round2(gross - discountAmount);
  const taxAmount = round2((net * tax.percent) / 100);
  const data: Record<string, unknown> = {
    documentId: erpId(set, number),
    sequence,
    itemId: isItem ? erpId("items", spec.item!) : null,
    lineType: isItem ? "Item" : "Resource",
    lineObjectNumber: source.number,
    description: source.name,
    unitOfMeasureId: erpId("unitsOfMeasure", unit),
    unitOfMeasureCode: unit,
    quantity: spec.qty,
    unitPrice: source.price,
    discountAmount,
    discountPercent: spec.discountPercent ?? 0,
    discountAppliedBeforeTax: false,
    amountExcludingTax: net,
    taxCode: tax.code,
    taxPercent: tax.percent,
    totalTaxAmount: taxAmount,
    amountIncludingTax: round2(net + taxAmount),
    invoiceDiscountAllocation: 0,
    netAmount: net,
    netTaxAmount: taxAmount,
    netAmountIncludingTax: round2(net + taxAmount),
    shipmentDate: day(now, shipIn),
  };
  if (set === "salesQuotes") {
    // Quote lines have neither (API v2.0 page 30045).
    delete data.invoiceDiscountAllocation;
    delete data.shipmentDate;
  }
  if (set === "salesOrders")
    Object.assign(data, { shippedQuantity: 0, invoicedQuantity: 0, invoiceQuantity: spec.qty, shipQuantity: spec.qty });
  return { id: erpId(LINE_SET[set], `${number}:${sequence}`), data };
}

/** Header fields every sales document shares: parties, addresses, terms, totals of its lines. */
function documentHeader(
  c: CustomerSpec,
  lines: DemoRow[],
  options: { withDiscountBeforeTax: boolean; billToNameReadOnly?: boolean },
): Record<string, unknown> {
  const sum = (field: string) => round2(lines.reduce((total, line) => total + Number(line.data[field] ?? 0), 0));
  const contact = customerContact(c.number);
  const block = (prefix: "sellTo" | "billTo" | "shipTo") => ({
    [`${prefix}AddressLine1`]: c.address,
    [`${prefix}AddressLine2`]: "",
    [`${prefix}City`]: c.city,
    [`${prefix}Country`]: c.country,
    [`${prefix}State`]: c.state,
    [`${prefix}PostCode`]: c.postalCode,
  });
  return {
    customerId: erpId("customers", c.number),
    customerNumber: c.number,
    customerName: c.name,
    billToName: c.name,
    billToCustomerId: erpId("customers", c.number),
    billToCustomerNumber: c.number,
    shipToName: c.name,
    shipToContact: contact.name,
    ...block("sellTo"),
    ...block("billTo"),
    ...block("shipTo"),
    ...currencyFields(c.currency),
    shortcutDimension1Code: "",
    shortcutDimension2Code: "",
    paymentTermsId: codeRef("paymentTerms", c.paymentTerms),
    shipmentMethodId: codeRef("shipmentMethods", c.shipmentMethod),
    salesperson: c.salesperson,
    discountAmount: 0,
    ...(options.withDiscountBeforeTax ? { discountAppliedBeforeTax: false } : {}),
    totalAmountExcludingTax: sum("netAmount"),
    totalTaxAmount: sum("netTaxAmount"),
    totalAmountIncludingTax: sum("netAmountIncludingTax"),
    phoneNumber: c.phone,
    email: c.email,
  };
}

function build(
  set: HeaderSet,
  number: string,
  customerNumber: string,
  specs: LineSpec[],
  now: Date,
  shipIn: number,
  own: (header: Record<string, unknown>) => Record<string, unknown>,
) {
  const lines = specs.map((spec, index) => documentLine(set, number, index, spec, now, shipIn));
  const header = documentHeader(customer(customerNumber), lines, { withDiscountBeforeTax: set !== "salesQuotes" });
  if (set !== "salesQuotes") header.pricesIncludeTax = false;
  return { header: { id: erpId(set, number), data: { number, ...header, ...own(header) } }, lines };
}

function invoices(now: Date) {
  const specs: { number: string; customer: string; status: string; daysAgo: number; lines: LineSpec[] }[] = [
    {
      number: "103001",
      customer: "10000",
      status: "Paid",
      daysAgo: 26,
      lines: [
        { item: "1896-S", qty: 4 },
        { item: "1906-S", qty: 4 },
        { resource: "LINDA", qty: 6 },
      ],
    },
    {
      number: "103002",
      customer: "20000",
      status: "Open",
      daysAgo: 18,
      lines: [
        { item: "1900-S", qty: 12, discountPercent: 5 },
        { item: "1928-S", qty: 12 },
      ],
    },
    {
      number: "103003",
      customer: "30000",
      status: "Open",
      daysAgo: 11,
      lines: [
        { item: "1920-S", qty: 2 },
        { item: "1936-S", qty: 8 },
      ],
    },
    { number: "103004", customer: "60000", status: "Open", daysAgo: 4, lines: [{ item: "1928-S", qty: 10 }] },
    // Not posted: the POSTEDSALESINV-INV filter leaves drafts out.
    {
      number: "S-INV-1001",
      customer: "80000",
      status: "Draft",
      daysAgo: 1,
      lines: [
        { item: "1908-S", qty: 5 },
        { resource: "TERRY", qty: 3 },
      ],
    },
  ];
  return specs.map((s, index) =>
    build("salesInvoices", s.number, s.customer, s.lines, now, -s.daysAgo, (header) => ({
      externalDocumentNumber: s.status === "Draft" ? "" : `PO-${4711 + index}`,
      invoiceDate: day(now, -s.daysAgo),
      postingDate: day(now, -s.daysAgo),
      dueDate: day(now, -s.daysAgo + 30),
      customerPurchaseOrderReference: "",
      remainingAmount: s.status === "Open" ? header.totalAmountIncludingTax : 0,
      status: s.status,
    })),
  );
}

function orders(now: Date) {
  const specs: { number: string; customer: string; status: string; daysAgo: number; lines: LineSpec[] }[] = [
    {
      number: "101001",
      customer: "10000",
      status: "Open",
      daysAgo: 3,
      lines: [
        { item: "1908-S", qty: 10 },
        { item: "1968-S", qty: 10 },
      ],
    },
    {
      number: "101002",
      customer: "40000",
      status: "Open",
      daysAgo: 2,
      lines: [
        { item: "1896-S", qty: 2 },
        { item: "1960-S", qty: 6 },
        { resource: "MARTY", qty: 4 },
      ],
    },
    { number: "101003", customer: "50000", status: "Draft", daysAgo: 1, lines: [{ item: "1900-S", qty: 3 }] },
  ];
  return specs.map((s) =>
    build("salesOrders", s.number, s.customer, s.lines, now, 7 - s.daysAgo, () => ({
      externalDocumentNumber: "",
      orderDate: day(now, -s.daysAgo),
      postingDate: day(now, -s.daysAgo),
      partialShipping: true,
      requestedDeliveryDate: day(now, 14 - s.daysAgo),
      fullyShipped: false,
      status: s.status,
    })),
  );
}

function quotes(now: Date) {
  return [
    build(
      "salesQuotes",
      "1001",
      "20000",
      [
        { item: "1920-S", qty: 3 },
        { item: "1936-S", qty: 12, discountPercent: 10 },
      ],
      now,
      21,
      () => ({
        externalDocumentNumber: "",
        documentDate: day(now, -2),
        postingDate: day(now, -2),
        dueDate: day(now, 28),
        status: "Draft",
        validUntilDate: day(now, 28),
      }),
    ),
  ];
}

export function erpDocuments(now: Date): DemoSet {
  const split = (docs: { header: DemoRow; lines: DemoRow[] }[]) => ({
    headers: docs.map((d) => d.header),
    lines: docs.flatMap((d) => d.lines),
  });
  const inv = split(invoices(now));
  const ord = split(orders(now));
  const quo = split(quotes(now));
  return {
    salesInvoices: inv.headers,
    salesInvoiceLines: inv.lines,
    salesOrders: ord.headers,
    salesOrderLines: ord.lines,
    salesQuotes: quo.headers,
    salesQuoteLines: quo.lines,
  };
}
