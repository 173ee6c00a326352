/** Business Central demo setup and product data: salespeople, currencies, units, terms, items, resources, prices. */
import {
  day,
  erpId,
  item,
  ITEMS,
  RESOURCE_CAPACITY,
  RESOURCES,
  SALESPEOPLE,
  type DemoRow,
  type DemoSet,
} from "./demo-ids";

export const BLANK_ENUM = "_x0020_";

/** A code table reference: the record id of `<set>` with code `code`, or null for a blank code. */
export const codeRef = (set: string, code: string): string | null => (code ? erpId(set, code) : null);

/** `currencyId` + `currencyCode` for a currency code ("" = local currency). */
export const currencyFields = (code: string) => ({ currencyId: codeRef("currencies", code), currencyCode: code });

const CURRENCIES: { code: string; name: string; symbol: string; places: string; rounding: number }[] = [
  { code: "EUR", name: "Euro", symbol: "€", places: "2:2", rounding: 0.01 },
  { code: "GBP", name: "Pound Sterling", symbol: "£", places: "2:2", rounding: 0.01 },
  { code: "USD", name: "US Dollar", symbol: "$", places: "2:2", rounding: 0.01 },
  { code: "DKK", name: "Danish Krone", symbol: "kr.", places: "2:2", rounding: 0.01 },
  // Not an ISO 4217 code: the CURRENCY mapping can't give it an isocurrencycode, so that currency fails to sync.
  { code: "EUR-OLD", name: "Euro (legacy ledger)", symbol: "€", places: "2:2", rounding: 0.01 },
];

const UNITS: { code: string; name: string; iso: string; symbol: string }[] = [
  { code: "PCS", name: "Piece", iso: "H87", symbol: "pcs" },
  { code: "BOX", name: "Box", iso: "BX", symbol: "box" },
  { code: "HOUR", name: "Hour", iso: "HUR", symbol: "h" },
  { code: "DAY", name: "Day", iso: "DAY", symbol: "d" },
];

const PAYMENT_TERMS: { code: string; name: string; due: string; discountDate: string; discount: number }[] = [
  { code: "14 DAYS", name: "Net 14 days", due: "14D", discountDate: "", discount: 0 },
  { code: "1M(8D)", name: "1 Month/2% 8 days", due: "1M", discountDate: "8D", discount: 2 },
  { code: "CM", name: "Current Month", due: "CM", discountDate: "", discount: 0 },
  { code: "COD", name: "Cash on delivery", due: "0D", discountDate: "", discount: 0 },
  { code: "21 DAYS", name: "Net 21 days", due: "21D", discountDate: "", discount: 0 },
];

const SHIPMENT_METHODS: [string, string][] = [
  ["CIF", "Cost Insurance Freight"],
  ["EXW", "Ex Warehouse"],
  ["FOB", "Free on Board"],
  ["PICKUP", "Pickup at Location"],
];

const SHIPPING_AGENTS: { code: string; name: string; url: string; account: string }[] = [
  {
    code: "DHL",
    name: "DHL Systems, Inc.",
    url: "https://www.dhl.com/en/express/tracking.html?AWB=%1",
    account: "DHL-448120",
  },
  {
    code: "FEDEX",
    name: "Federal Express Corporation",
    url: "https://www.fedex.com/fedextrack/?trknbr=%1",
    account: "FX-102934",
  },
  { code: "UPS", name: "UPS Europe", url: "https://www.ups.com/track?tracknum=%1", account: "UPS-77310" },
  { code: "OWN LOG.", name: "Own Logistics", url: "", account: "" },
];

function setupRows(now: Date): DemoSet {
  return {
    salespeoplePurchasers: SALESPEOPLE.map((sp) => ({
      id: erpId("salespeoplePurchasers", sp.code),
      data: {
        code: sp.code,
        displayName: sp.name,
        email: sp.email,
        email2: "",
        phoneNo: sp.phone,
        jobTitle: sp.jobTitle,
        commisionPercent: sp.commission,
        privacyBlocked: false,
        blocked: false,
      },
    })),
    currencies: CURRENCIES.map((c) => ({
      id: erpId("currencies", c.code),
      data: {
        code: c.code,
        displayName: c.name,
        symbol: c.symbol,
        amountDecimalPlaces: c.places,
        amountRoundingPrecision: c.rounding,
      },
    })),
    unitsOfMeasure: UNITS.map((u) => ({
      id: erpId("unitsOfMeasure", u.code),
      data: { code: u.code, displayName: u.name, internationalStandardCode: u.iso, symbol: u.symbol },
    })),
    paymentTerms: PAYMENT_TERMS.map((t) => ({
      id: erpId("paymentTerms", t.code),
      data: {
        code: t.code,
        displayName: t.name,
        dueDateCalculation: t.due,
        discountDateCalculation: t.discountDate,
        discountPercent: t.discount,
        calculateDiscountOnCreditMemos: false,
      },
    })),
    shipmentMethods: SHIPMENT_METHODS.map(([code, name]) => ({
      id: erpId("shipmentMethods", code),
      data: { code, displayName: name },
    })),
    shippingAgents: SHIPPING_AGENTS.map((a) => ({
      id: erpId("shippingAgents", a.code),
      data: { code: a.code, name: a.name, internetAddress: a.url, accountNumber: a.account },
    })),
    customerPriceGroups: [
      {
        id: erpId("customerPriceGroups", "RETAIL"),
        data: {
          code: "RETAIL",
          description: "Retail customers",
          allowInvoiceDiscount: true,
          allowLineDiscount: true,
          priceIncludesVat: false,
        },
      },
      {
        id: erpId("customerPriceGroups", "WHOLESALE"),
        data: {
          code: "WHOLESALE",
          description: "Wholesale customers",
          allowInvoiceDiscount: false,
          allowLineDiscount: true,
          priceIncludesVat: false,
        },
      },
    ],
    salesPrices: salesPrices(now),
  };
}

/** Legacy sales prices: mostly per customer price group (synced); one per customer (left out by the template's filter). */
function salesPrices(now: Date): DemoRow[] {
  const yearStart = `${now.getUTCFullYear()}-01-01`;
  const rows: {
    type: "Customer_x0020_Price_x0020_Group" | "Customer";
    code: string;
    item: string;
    price: number;
    minQty?: number;
    currency?: string;
    ending?: string;
  }[] = [
    { type: "Customer_x0020_Price_x0020_Group", code: "RETAIL", item: "1896-S", price: 1050 },
    { type: "Customer_x0020_Price_x0020_Group", code: "RETAIL", item: "1900-S", price: 199 },
    { type: "Customer_x0020_Price_x0020_Group", code: "RETAIL", item: "1906-S", price: 295 },
    { type: "Customer_x0020_Price_x0020_Group", code: "RETAIL", item: "1920-S", price: 439, ending: day(now, 90) },
    { type: "Customer_x0020_Price_x0020_Group", code: "WHOLESALE", item: "1896-S", price: 899.5, minQty: 5 },
    { type: "Customer_x0020_Price_x0020_Group", code: "WHOLESALE", item: "1908-S", price: 169 },
    { type: "Customer_x0020_Price_x0020_Group", code: "WHOLESALE", item: "1928-S", price: 46.5, currency: "EUR" },
    { type: "Customer", code: "10000", item: "1900-S", price: 179 },
  ];
  return rows.map((r) => ({
    id: erpId("salesPrices", `${r.type}:${r.code}:${r.item}:${r.currency ?? ""}:${r.minQty ?? 0}`),
    data: {
      itemNumber: r.item,
      itemId: erpId("items", r.item),
      salesType: r.type,
      salesCode: r.code,
      customerPriceGroupId: r.type === "Customer_x0020_Price_x0020_Group" ? erpId("customerPriceGroups", r.code) : null,
      ...currencyFields(r.currency ?? ""),
      startingDate: yearStart,
      ...(r.ending ? { endingDate: r.ending } : {}),
      unitPrice: r.price,
      minimumQuantity: r.minQty ?? 0,
      unitOfMeasureCode: "PCS",
      unitOfMeasureId: erpId("unitsOfMeasure", "PCS"),
      variantCode: "",
      priceIncludesVat: false,
      allowInvoiceDiscount: true,
      allowLineDiscount: true,
    },
  }));
}

function productRows(): DemoSet {
  return {
    items: ITEMS.map((i) => ({
      id: erpId("items", i.number),
      data: {
        number: i.number,
        displayName: i.name,
        type: "Inventory",
        blocked: i.blocked ?? false,
        gtin: "",
        inventory: i.inventory,
        unitPrice: i.price,
        priceIncludesTax: false,
        unitCost: i.cost,
        baseUnitOfMeasureId: erpId("unitsOfMeasure", "PCS"),
        baseUnitOfMeasureCode: "PCS",
      },
    })),
    resources: RESOURCES.map((r) => ({
      id: erpId("resources", r.number),
      data: {
        number: r.number,
        name: r.name,
        name2: "",
        type: "Person",
        baseUnitOfMeasureCode: "HOUR",
        baseUnitOfMeasureId: erpId("unitsOfMeasure", "HOUR"),
        unitPrice: r.price,
        unitCost: r.cost,
        vendorNumber: "",
        resourceGroupNumber: "",
        capacity: RESOURCE_CAPACITY,
        blocked: false,
      },
    })),
  };
}

export function erpMasters(now: Date): DemoSet {
  // Every price row points at a demo item.
  for (const row of salesPrices(now))
    if (!item(String(row.data.itemNumber))) throw new Error(`demo: no item ${String(row.data.itemNumber)}`);
  return { ...setupRows(now), ...productRows() };
}
