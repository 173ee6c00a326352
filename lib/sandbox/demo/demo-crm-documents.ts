/** Dataverse demo documents: submitted orders (one with a write-in line, one with a 250-character line), active quotes, posts. */
import { CRM_PRODUCTS, PRODUCT_PRICE, PRODUCT_UNIT, STANDARD_PRICE_LIST, USD } from "./demo-crm-masters";
import { account, accountId } from "./demo-crm-parties";
import { CRM_USERS, crmId, day, dayTime, round2, type DemoRow, type DemoSet } from "./demo-ids";

/** A product line, or a write-in line (no product: the description names it). */
type LineSpec = { product: string; qty: number; discount?: number } | { writeIn: string; qty: number; price: number };

const LONG_DESCRIPTION_LENGTH = 250;

/** A write-in description exactly 250 characters long: longer than Business Central's 100-character Description. */
export const LONG_WRITE_IN_DESCRIPTION = (() => {
  const text =
    "Bespoke tasting room fit-out: one ANTWERP conference table in reclaimed oak, twelve ROME guest chairs re-upholstered in burgundy leather, " +
    "four AMSTERDAM lamps wired into the bar counter, cable management, delivery to the winery, assembly and on-site finishing by the CRONUS workshop team";
  const exact = `${text.slice(0, LONG_DESCRIPTION_LENGTH - 1).trimEnd()}.`.padEnd(LONG_DESCRIPTION_LENGTH, ".");
  if (exact.length !== LONG_DESCRIPTION_LENGTH)
    throw new Error(`demo: the long description is ${exact.length} characters, not ${LONG_DESCRIPTION_LENGTH}`);
  return exact;
})();

type Doc = {
  set: "salesorders" | "quotes";
  key: string;
  account: string;
  lines: LineSpec[];
  now: Date;
  deliverIn: number;
};

/** Lines of a document and the header totals they add up to (no tax, no freight, no order discount). */
function documentLines(doc: Doc): { lines: DemoRow[]; totals: Record<string, number> } {
  const lineSet = doc.set === "salesorders" ? "salesorderdetails" : "quotedetails";
  const parentField = doc.set === "salesorders" ? "salesorderid" : "quoteid";
  const lines = doc.lines.map((spec, index) => {
    const writeIn = "writeIn" in spec;
    const price = writeIn ? spec.price : PRODUCT_PRICE[spec.product]!;
    const base = round2(spec.qty * price);
    const discount = writeIn ? 0 : (spec.discount ?? 0);
    const data: Record<string, unknown> = {
      [parentField]: crmId(doc.set, doc.key),
      ...(writeIn
        ? { productdescription: spec.writeIn }
        : { productid: spec.product, uomid: PRODUCT_UNIT[spec.product]!.unit }),
      producttypecode: 1,
      quantity: spec.qty,
      priceperunit: price,
      ispriceoverridden: writeIn,
      isproductoverridden: writeIn,
      baseamount: base,
      manualdiscountamount: discount,
      tax: 0,
      extendedamount: round2(base - discount),
      requestdeliveryby: dayTime(doc.now, doc.deliverIn),
      lineitemnumber: index + 1,
      transactioncurrencyid: USD,
    };
    if (doc.set === "salesorders") data.quantityshipped = 0;
    else data.sequencenumber = index + 1;
    return { id: crmId(lineSet, `${doc.key}:${index + 1}`), data };
  });
  const lineTotal = round2(lines.reduce((sum, line) => sum + Number(line.data.extendedamount), 0));
  const totals = {
    totallineitemamount: lineTotal,
    discountamount: 0,
    discountpercentage: 0,
    totalamountlessfreight: lineTotal,
    freightamount: 0,
    totaltax: 0,
    totalamount: lineTotal,
  };
  return { lines, totals };
}

/** Header fields orders and quotes share: customer, owner, currency, price list, addresses, totals. */
function documentHeader(doc: Doc, totals: Record<string, number>, paymentTerms: number): Record<string, unknown> {
  const a = account(doc.account);
  const block = (prefix: "shipto" | "billto") => ({
    [`${prefix}_name`]: a.name,
    [`${prefix}_line1`]: a.line1,
    [`${prefix}_city`]: a.city,
    [`${prefix}_stateorprovince`]: a.state,
    [`${prefix}_postalcode`]: a.postalCode,
    [`${prefix}_country`]: a.country,
    [`${prefix}_telephone`]: a.phone,
  });
  return {
    customerid: accountId(a.key),
    "customerid@target": "accounts",
    ownerid: a.owner,
    "ownerid@target": "systemusers",
    transactioncurrencyid: USD,
    pricelevelid: STANDARD_PRICE_LIST,
    requestdeliveryby: dayTime(doc.now, doc.deliverIn),
    ...block("shipto"),
    ...block("billto"),
    ...totals,
    paymenttermscode: paymentTerms,
    freighttermscode: 1,
    willcall: false,
  };
}

function salesOrders(now: Date): DemoSet {
  const specs: {
    key: string;
    number: string;
    name: string;
    account: string;
    paymentTerms: number;
    shipping: number;
    lines: LineSpec[];
  }[] = [
    {
      key: "ord-01001",
      number: "ORD-01001-C4R7N2",
      name: "Adatum: desks and guest chairs for the new office",
      account: "adatum",
      paymentTerms: 1,
      shipping: 2,
      lines: [
        { product: CRM_PRODUCTS.desk, qty: 2 },
        { product: CRM_PRODUCTS.chair, qty: 6, discount: 50 },
      ],
    },
    {
      key: "ord-01002",
      number: "ORD-01002-T8K3W5",
      name: "Trey Research: engraved guest chairs",
      account: "trey-research",
      paymentTerms: 2,
      shipping: 4,
      // A write-in product: no productid, the description names it.
      lines: [
        { product: CRM_PRODUCTS.chair, qty: 4 },
        { writeIn: "Custom engraving service", qty: 4, price: 25 },
      ],
    },
    {
      key: "ord-01003",
      number: "ORD-01003-H2M9Q6",
      name: "Coho Winery: tasting room fit-out",
      account: "coho-winery",
      paymentTerms: 1,
      shipping: 7,
      // A line whose description (250 characters) doesn't fit Business Central's Description (100).
      lines: [
        { product: CRM_PRODUCTS.desk, qty: 1 },
        { product: CRM_PRODUCTS.installation, qty: 3 },
        { writeIn: LONG_WRITE_IN_DESCRIPTION, qty: 1, price: 4850 },
      ],
    },
  ];
  const headers: DemoRow[] = [];
  const details: DemoRow[] = [];
  specs.forEach((s, index) => {
    const doc: Doc = {
      set: "salesorders",
      key: s.key,
      account: s.account,
      lines: s.lines,
      now,
      deliverIn: 10 + index * 4,
    };
    const { lines, totals } = documentLines(doc);
    headers.push({
      id: crmId("salesorders", s.key),
      data: {
        name: s.name,
        ordernumber: s.number,
        ...documentHeader(doc, totals, s.paymentTerms),
        shippingmethodcode: s.shipping,
        description: `Submitted from the CRM by ${index === 1 ? "Peter Saddow" : "Jim Olive"}.`,
        statecode: 1,
        statuscode: 3,
      },
    });
    details.push(...lines);
  });
  return { salesorders: headers, salesorderdetails: details };
}

function quotes(now: Date): DemoSet {
  const specs: {
    key: string;
    number: string;
    revision: number;
    name: string;
    account: string;
    lines: LineSpec[];
    state: [number, number];
    effectiveFrom: number;
  }[] = [
    {
      key: "quo-01001",
      number: "QUO-01001-F5J1D8",
      revision: 0,
      name: "School of Fine Art: studio seating",
      account: "school-of-fine-art",
      lines: [
        { product: CRM_PRODUCTS.desk, qty: 1 },
        { product: CRM_PRODUCTS.chair, qty: 10 },
        { product: CRM_PRODUCTS.warranty, qty: 1 },
      ],
      state: [1, 2],
      effectiveFrom: -6,
    },
    // Revision 0 of QUO-01002 was revised (closed, status Revised); revision 1 is the active one.
    {
      key: "quo-01002-r0",
      number: "QUO-01002-P7Z4X3",
      revision: 0,
      name: "Adatum: call center seating",
      account: "adatum",
      lines: [{ product: CRM_PRODUCTS.chair, qty: 25 }],
      state: [3, 7],
      effectiveFrom: -12,
    },
    {
      key: "quo-01002-r1",
      number: "QUO-01002-P7Z4X3",
      revision: 1,
      name: "Adatum: call center seating",
      account: "adatum",
      lines: [
        { product: CRM_PRODUCTS.chair, qty: 25, discount: 240 },
        { product: CRM_PRODUCTS.installation, qty: 4 },
      ],
      state: [1, 2],
      effectiveFrom: -4,
    },
  ];
  const headers: DemoRow[] = [];
  const details: DemoRow[] = [];
  for (const s of specs) {
    const doc: Doc = { set: "quotes", key: s.key, account: s.account, lines: s.lines, now, deliverIn: 30 };
    const { lines, totals } = documentLines(doc);
    headers.push({
      id: crmId("quotes", s.key),
      data: {
        name: s.name,
        quotenumber: s.number,
        revisionnumber: s.revision,
        ...documentHeader(doc, totals, 1),
        effectivefrom: dayTime(now, s.effectiveFrom),
        effectiveto: dayTime(now, s.effectiveFrom + 30),
        ...(s.state[0] === 3 ? { closedon: day(now, s.effectiveFrom + 8) } : {}),
        shippingmethodcode: 4,
        statecode: s.state[0],
        statuscode: s.state[1],
      },
    });
    details.push(...lines);
  }
  return { quotes: headers, quotedetails: details };
}

function posts(): DemoRow[] {
  return [
    {
      id: crmId("posts", "adatum-order-submitted"),
      data: {
        text: "Order ORD-01001-C4R7N2 for Adatum Corporation was submitted.",
        regardingobjectid: accountId("adatum"),
        "regardingobjectid@target": "accounts",
        source: 1,
        type: 7,
        createdby: CRM_USERS.jim,
      },
    },
    {
      id: crmId("posts", "trey-research-call"),
      data: {
        text: "Called Jesse Homer: Trey Research wants the lab chairs engraved before the opening next month.",
        regardingobjectid: accountId("trey-research"),
        "regardingobjectid@target": "accounts",
        source: 2,
        type: 7,
        createdby: CRM_USERS.peter,
      },
    },
  ];
}

export function crmDocuments(now: Date): DemoSet {
  return { ...salesOrders(now), ...quotes(now), posts: posts() };
}
