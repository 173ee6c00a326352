/** Dataverse demo setup: users, currencies, unit groups, products, the price list, account choice options. */
import { FREIGHT_TERMS, PAYMENT_TERMS, SHIPPING_METHOD } from "@/lib/mapping/template/catalogs/crm-catalog-fields";
import { entraObjectIdOf } from "../dataverse/entra-object-id";
import { optionRecordId } from "../dataverse/option-sets";
import {
  CRM_USERS,
  RESOURCE_CAPACITY,
  SALESPEOPLE,
  crmId,
  dayTime,
  item,
  resource,
  type DemoRow,
  type DemoSet,
} from "./demo-ids";

export const USD = crmId("transactioncurrencies", "USD");
export const EUR = crmId("transactioncurrencies", "EUR");
export const DEFAULT_UNIT_GROUP = crmId("uomschedules", "default-unit");
export const PRIMARY_UNIT = crmId("uoms", "primary-unit");
export const STANDARD_PRICE_LIST = crmId("pricelevels", "cronus-standard");

/**
 * Unit groups named like Business Central's units of measure, each holding that one unit as its base (what the UNIT OF
 * MEASURE mapping makes of a unit): the products of items sold by the piece and of an hourly resource are in them, so
 * they agree with their twins' base units. BOX and DAY have no group yet; the UNIT OF MEASURE line creates them.
 */
const UNIT_GROUPS = ["PCS", "HOUR"] as const;
export const unitGroupId = (code: (typeof UNIT_GROUPS)[number]) => crmId("uomschedules", code);
export const unitId = (code: (typeof UNIT_GROUPS)[number]) => crmId("uoms", code);

/** CRM products: two Sales Inventory products numbered like ERP items, one Services product, one CRM-only product. */
export const CRM_PRODUCTS = {
  desk: crmId("products", "1896-S"),
  chair: crmId("products", "1900-S"),
  installation: crmId("products", "MARTY"),
  warranty: crmId("products", "EXT-WARRANTY"),
} as const;

/** The unit group and (base) unit each CRM product is sold in: the one its twin's base unit couples to. */
export const PRODUCT_UNIT: Record<string, { group: string; unit: string }> = {
  [CRM_PRODUCTS.desk]: { group: unitGroupId("PCS"), unit: unitId("PCS") },
  [CRM_PRODUCTS.chair]: { group: unitGroupId("PCS"), unit: unitId("PCS") },
  [CRM_PRODUCTS.installation]: { group: unitGroupId("HOUR"), unit: unitId("HOUR") },
  [CRM_PRODUCTS.warranty]: { group: DEFAULT_UNIT_GROUP, unit: PRIMARY_UNIT },
};

/** Price of a CRM product on the CRONUS Standard price list. */
export const PRODUCT_PRICE: Record<string, number> = {
  [CRM_PRODUCTS.desk]: item("1896-S").price,
  [CRM_PRODUCTS.chair]: item("1900-S").price,
  [CRM_PRODUCTS.installation]: resource("MARTY").price,
  [CRM_PRODUCTS.warranty]: 149,
};

function users(): DemoRow[] {
  const user = (
    id: string,
    fullname: string,
    email: string,
    flags: { licensed?: boolean; disabled?: boolean; accessmode?: number; integration?: boolean; mobile?: string },
  ) => ({
    id,
    data: {
      fullname,
      internalemailaddress: email,
      mobilephone: flags.mobile ?? null,
      isdisabled: flags.disabled ?? false,
      islicensed: flags.licensed ?? true,
      isintegrationuser: flags.integration ?? false,
      accessmode: flags.accessmode ?? 0,
      azureactivedirectoryobjectid: entraObjectIdOf(id),
    },
  });
  const salespeopleUsers = SALESPEOPLE.filter((sp) => sp.crmUser).map((sp) =>
    user(sp.crmUser!, sp.name, sp.email, { mobile: sp.phone }),
  );
  return [
    user(CRM_USERS.integration, "Tandem Integration", "tandem-integration@cronus-demo.com", {
      integration: true,
      accessmode: 4,
    }),
    user(CRM_USERS.admin, "Nancy Anderson", "nancy.anderson@cronus-demo.com", { mobile: "+1 425 555 0100" }),
    ...salespeopleUsers,
    // Licensed, but no salesperson in the ERP has this e-mail.
    user(CRM_USERS.alicia, "Alicia Thomber", "alicia.thomber@cronus-demo.com", { mobile: "+1 425 555 0106" }),
    user(CRM_USERS.disabled, "Dan Park", "dan.park@cronus-demo.com", { disabled: true }),
    user(CRM_USERS.unlicensed, "Ursula Lee", "ursula.lee@cronus-demo.com", { licensed: false }),
  ];
}

function currencies(): DemoRow[] {
  return [
    {
      id: USD,
      data: {
        isocurrencycode: "USD",
        currencyname: "US Dollar",
        currencysymbol: "$",
        exchangerate: 1,
        currencyprecision: 2,
        statecode: 0,
        statuscode: 1,
      },
    },
    {
      id: EUR,
      data: {
        isocurrencycode: "EUR",
        currencyname: "Euro",
        currencysymbol: "€",
        exchangerate: 0.92,
        currencyprecision: 2,
        statecode: 0,
        statuscode: 1,
      },
    },
  ];
}

function products(): DemoRow[] {
  const product = (
    id: string,
    number: string,
    name: string,
    type: number,
    cost: number,
    onHand: number,
    description: string,
  ) => ({
    id,
    data: {
      name,
      productnumber: number,
      producttypecode: type,
      productstructure: 1,
      price: PRODUCT_PRICE[id],
      standardcost: cost,
      currentcost: cost,
      quantityonhand: onHand,
      quantitydecimal: 2,
      defaultuomscheduleid: PRODUCT_UNIT[id]!.group,
      defaultuomid: PRODUCT_UNIT[id]!.unit,
      pricelevelid: STANDARD_PRICE_LIST,
      transactioncurrencyid: USD,
      description,
      statecode: 0,
      statuscode: 1,
    },
  });
  const desk = item("1896-S");
  const chair = item("1900-S");
  const marty = resource("MARTY");
  return [
    product(
      CRM_PRODUCTS.desk,
      desk.number,
      desk.name,
      1,
      desk.cost,
      desk.inventory,
      "Height-adjustable desk, oak veneer.",
    ),
    product(CRM_PRODUCTS.chair, chair.number, chair.name, 1, chair.cost, chair.inventory, "Stackable guest chair."),
    product(
      CRM_PRODUCTS.installation,
      marty.number,
      marty.name,
      3,
      marty.cost,
      RESOURCE_CAPACITY,
      "Installation and assembly, per hour.",
    ),
    product(
      CRM_PRODUCTS.warranty,
      "EXT-WARRANTY",
      "Extended Warranty, 3 years",
      1,
      60,
      0,
      "Sold in the CRM only; no item in Business Central.",
    ),
  ];
}

function priceList(now: Date): DemoSet {
  const entries = Object.entries(PRODUCT_PRICE).map(([productId, amount]) => ({
    id: crmId("productpricelevels", `cronus-standard:${productId}`),
    data: {
      pricelevelid: STANDARD_PRICE_LIST,
      productid: productId,
      uomid: PRODUCT_UNIT[productId]!.unit,
      uomscheduleid: PRODUCT_UNIT[productId]!.group,
      amount,
      pricingmethodcode: 1,
      quantitysellingcode: 1,
      transactioncurrencyid: USD,
    },
  }));
  return {
    pricelevels: [
      {
        id: STANDARD_PRICE_LIST,
        data: {
          name: "CRONUS Standard",
          description: "Standard US price list.",
          transactioncurrencyid: USD,
          begindate: dayTime(now, -365),
          statecode: 0,
          statuscode: 100001,
        },
      },
    ],
    productpricelevels: entries,
  };
}

/** Options added to the account choice columns whose labels equal ERP codes, so match-based coupling finds them. */
export const ADDED_OPTIONS: Record<string, [number, string][]> = {
  "account.paymenttermscode": [
    [100000000, "COD"],
    [100000001, "14 DAYS"],
    [100000002, "1M(8D)"],
    [100000003, "CM"],
  ],
  "account.address1_freighttermscode": [
    [100000000, "EXW"],
    [100000001, "PICKUP"],
  ],
  "account.address1_shippingmethodcode": [[100000000, "OWN LOG."]],
};

function optionSets(): DemoSet {
  const declared: Record<string, { value: string | number; label: string }[]> = {
    "account.paymenttermscode": PAYMENT_TERMS,
    "account.address1_freighttermscode": FREIGHT_TERMS,
    "account.address1_shippingmethodcode": SHIPPING_METHOD,
  };
  return Object.fromEntries(
    Object.entries(declared).map(([set, options]) => [
      set,
      [...options.map((o) => [Number(o.value), o.label] as [number, string]), ...(ADDED_OPTIONS[set] ?? [])].map(
        ([value, label]) => ({ id: optionRecordId(set, value), data: { value, label } }),
      ),
    ]),
  );
}

export function crmMasters(now: Date): DemoSet {
  return {
    systemusers: users(),
    transactioncurrencies: currencies(),
    organizations: [
      { id: crmId("organizations", "cronus"), data: { name: "CRONUS International Ltd.", basecurrencyid: USD } },
    ],
    // Every Dataverse environment has the Default Unit group and its base unit.
    uomschedules: [
      {
        id: DEFAULT_UNIT_GROUP,
        data: { name: "Default Unit", baseuomname: "Primary Unit", statecode: 0, statuscode: 1 },
      },
      ...UNIT_GROUPS.map((code) => ({
        id: unitGroupId(code),
        data: { name: code, baseuomname: code, statecode: 0, statuscode: 1 },
      })),
    ],
    uoms: [
      {
        id: PRIMARY_UNIT,
        data: {
          name: "Primary Unit",
          uomscheduleid: DEFAULT_UNIT_GROUP,
          baseuom: PRIMARY_UNIT,
          quantity: 1,
          isschedulebaseuom: true,
        },
      },
      ...UNIT_GROUPS.map((code) => ({
        id: unitId(code),
        data: {
          name: code,
          uomscheduleid: unitGroupId(code),
          baseuom: unitId(code),
          quantity: 1,
          isschedulebaseuom: true,
        },
      })),
    ],
    products: products(),
    ...priceList(now),
    ...optionSets(),
  };
}
