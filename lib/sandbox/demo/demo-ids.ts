/** Ids, dates and the shared cast of the demo company (CRONUS International Ltd.), used by both sides' demo data. */
import { INTEGRATION_USER_ID } from "../sandbox-settings";
import { stableUuid } from "../stable-uuid";

/** A demo record before timestamps are assigned (demo-data.ts adds createdAt / modifiedAt / modifiedBy). */
export type DemoRow = { id: string; data: Record<string, unknown> };
export type DemoSet = Record<string, DemoRow[]>;

/** Business Central record id: `erp:<entity set>:<business key>`. */
export const erpId = (set: string, key: string) => stableUuid(`erp:${set}:${key}`);
/** Dataverse record id: `crm:<entity set>:<slug>`. */
export const crmId = (set: string, key: string) => stableUuid(`crm:${set}:${key}`);

const DAY_MS = 86_400_000;

/** The calendar date (UTC) `offsetDays` from `now`, as "YYYY-MM-DD". */
export function day(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC of the date `offsetDays` from `now`, as an ISO string (Dataverse date-only datetimes). */
export function dayTime(now: Date, offsetDays: number): string {
  return `${day(now, offsetDays)}T00:00:00.000Z`;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------------------------
// Dataverse system users

export const CRM_USERS = {
  integration: INTEGRATION_USER_ID,
  /** Nancy Anderson; the same id as SANDBOX_EDITOR_USER_ID (sandbox-settings), whom the sandbox pages write as without a person. */
  admin: crmId("systemusers", "admin"),
  jim: crmId("systemusers", "jim.olive"),
  peter: crmId("systemusers", "peter.saddow"),
  benjamin: crmId("systemusers", "benjamin.chiu"),
  alicia: crmId("systemusers", "alicia.thomber"),
  disabled: crmId("systemusers", "dan.park"),
  unlicensed: crmId("systemusers", "ursula.lee"),
} as const;

/** Who edited the CRM demo records: a person, never the integration user, so the sync reads them as real edits. */
export const CRM_EDITOR = CRM_USERS.admin;

// ---------------------------------------------------------------------------------------------------------------
// Salespeople: the ERP records, three of which have a CRM user with the same e-mail

export type SalespersonSpec = {
  code: string;
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  commission: number;
  crmUser?: string;
};

export const SALESPEOPLE: SalespersonSpec[] = [
  {
    code: "JO",
    name: "Jim Olive",
    email: "jim.olive@cronus-demo.com",
    phone: "+1 425 555 0101",
    jobTitle: "Sales Manager",
    commission: 5,
    crmUser: CRM_USERS.jim,
  },
  {
    code: "PS",
    name: "Peter Saddow",
    email: "peter.saddow@cronus-demo.com",
    phone: "+1 425 555 0102",
    jobTitle: "Account Manager",
    commission: 4,
    crmUser: CRM_USERS.peter,
  },
  {
    code: "BC",
    name: "Benjamin Chiu",
    email: "benjamin.chiu@cronus-demo.com",
    phone: "+1 425 555 0103",
    jobTitle: "Account Manager",
    commission: 4,
    crmUser: CRM_USERS.benjamin,
  },
  {
    code: "JR",
    name: "John Roberts",
    email: "john.roberts@cronus-demo.com",
    phone: "+1 425 555 0104",
    jobTitle: "Sales Representative",
    commission: 3,
  },
  {
    code: "RB",
    name: "Robin Bettencourt",
    email: "robin.bettencourt@cronus-demo.com",
    phone: "+1 425 555 0105",
    jobTitle: "Sales Representative",
    commission: 3,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Items and resources (CRONUS furniture)

export type ItemSpec = {
  number: string;
  name: string;
  price: number;
  cost: number;
  inventory: number;
  blocked?: boolean;
};

export const ITEMS: ItemSpec[] = [
  { number: "1896-S", name: "ATHENS Desk", price: 1000.8, cost: 780.7, inventory: 12 },
  { number: "1900-S", name: "PARIS Guest Chair, black", price: 192.8, cost: 150.4, inventory: 84 },
  { number: "1906-S", name: "ATHENS Mobile Pedestal", price: 281.4, cost: 219.5, inventory: 27 },
  { number: "1908-S", name: "LONDON Swivel Chair, blue", price: 190.1, cost: 148.3, inventory: 46 },
  { number: "1920-S", name: "ANTWERP Conference Table", price: 420.4, cost: 328, inventory: 9 },
  { number: "1928-S", name: "AMSTERDAM Lamp", price: 54.9, cost: 42.8, inventory: -4 },
  { number: "1936-S", name: "BERLIN Guest Chair, yellow", price: 192.8, cost: 150.4, inventory: 31 },
  { number: "1960-S", name: "ROME Guest Chair, green", price: 192.8, cost: 150.4, inventory: 18 },
  { number: "1964-S", name: "TOKYO Guest Chair, blue", price: 192.8, cost: 150.4, inventory: 0, blocked: true },
  { number: "1968-S", name: "MEXICO Swivel Chair, black", price: 190.1, cost: 148.3, inventory: 22 },
];

export type ResourceSpec = { number: string; name: string; price: number; cost: number };

/** Hours a month each resource can work (Business Central's capacity; the product's quantity on hand in the CRM). */
export const RESOURCE_CAPACITY = 160;

export const RESOURCES: ResourceSpec[] = [
  { number: "LINDA", name: "Linda Martin", price: 100, cost: 55 },
  { number: "MARTY", name: "Marty Horst", price: 115, cost: 61 },
  { number: "TERRY", name: "Terry Dodds", price: 90, cost: 48 },
];

export const item = (number: string): ItemSpec => ITEMS.find((i) => i.number === number)!;
export const resource = (number: string): ResourceSpec => RESOURCES.find((r) => r.number === number)!;

// ---------------------------------------------------------------------------------------------------------------
// Customers; four of them also exist in the CRM as accounts of the same name

export type CustomerSpec = {
  number: string;
  name: string;
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  email: string;
  website: string;
  salesperson: string;
  /** Blank: the local currency, which stands for the CRM organization's base currency (USD). */
  currency: "" | "EUR";
  paymentTerms: string;
  shipmentMethod: string;
  creditLimit: number;
  blocked?: "All";
  contact: string;
};

export const CUSTOMERS: CustomerSpec[] = [
  {
    number: "10000",
    name: "Adatum Corporation",
    address: "192 Market Square",
    city: "Atlanta",
    state: "GA",
    postalCode: "31772",
    country: "US",
    phone: "+1 404 555 0110",
    email: "info@adatum.example.com",
    website: "www.adatum.example.com",
    salesperson: "JO",
    currency: "",
    paymentTerms: "1M(8D)",
    shipmentMethod: "EXW",
    creditLimit: 50000,
    contact: "Robert Townes",
  },
  {
    number: "20000",
    name: "Trey Research",
    address: "153 Thomas Drive",
    city: "Chicago",
    state: "IL",
    postalCode: "61236",
    country: "US",
    phone: "+1 312 555 0120",
    email: "orders@treyresearch.example.com",
    website: "www.treyresearch.example.com",
    salesperson: "PS",
    currency: "",
    paymentTerms: "14 DAYS",
    shipmentMethod: "FOB",
    creditLimit: 25000,
    contact: "Jesse Homer",
  },
  {
    number: "30000",
    name: "School of Fine Art",
    address: "10 High Tower Green",
    city: "Miami",
    state: "FL",
    postalCode: "37125",
    country: "US",
    phone: "+1 305 555 0130",
    email: "office@fineart.example.com",
    website: "www.fineart.example.com",
    salesperson: "BC",
    currency: "",
    paymentTerms: "CM",
    shipmentMethod: "PICKUP",
    creditLimit: 15000,
    contact: "Meagan Bond",
  },
  {
    number: "40000",
    name: "Alpine Ski House",
    address: "Zugspitzstrasse 12",
    city: "Garmisch-Partenkirchen",
    state: "BY",
    postalCode: "82467",
    country: "DE",
    phone: "+49 8821 555 0140",
    email: "einkauf@alpineskihouse.example.com",
    website: "www.alpineskihouse.example.com",
    salesperson: "JR",
    currency: "EUR",
    paymentTerms: "21 DAYS",
    shipmentMethod: "CIF",
    creditLimit: 30000,
    contact: "Ian Deberry",
  },
  {
    number: "50000",
    name: "Relecloud",
    address: "25 Water Way",
    city: "Seattle",
    state: "WA",
    postalCode: "98101",
    country: "US",
    phone: "+1 206 555 0150",
    email: "purchasing@relecloud.example.com",
    website: "www.relecloud.example.com",
    salesperson: "RB",
    currency: "",
    paymentTerms: "14 DAYS",
    shipmentMethod: "EXW",
    creditLimit: 20000,
    contact: "Kayla Lewis",
  },
  {
    number: "60000",
    name: "Coho Winery",
    address: "8 Vineyard Road",
    city: "Sonoma",
    state: "CA",
    postalCode: "95476",
    country: "US",
    phone: "+1 707 555 0160",
    email: "hello@cohowinery.example.com",
    website: "www.cohowinery.example.com",
    salesperson: "JO",
    currency: "",
    paymentTerms: "COD",
    shipmentMethod: "PICKUP",
    creditLimit: 10000,
    contact: "Mindy Martin",
  },
  {
    number: "70000",
    name: "Fabrikam, Inc.",
    address: "51 Industrial Park",
    city: "Denver",
    state: "CO",
    postalCode: "80202",
    country: "US",
    phone: "+1 303 555 0170",
    email: "ap@fabrikam.example.com",
    website: "www.fabrikam.example.com",
    salesperson: "PS",
    currency: "",
    paymentTerms: "1M(8D)",
    shipmentMethod: "FOB",
    creditLimit: 0,
    blocked: "All",
    contact: "Gabriel Diaz",
  },
  {
    number: "80000",
    name: "Contoso Ltd.",
    address: "5 Crescent Road",
    city: "Boston",
    state: "MA",
    postalCode: "02108",
    country: "US",
    phone: "+1 617 555 0180",
    email: "facilities@contoso.example.com",
    website: "www.contoso.example.com",
    salesperson: "BC",
    currency: "",
    paymentTerms: "CM",
    shipmentMethod: "CIF",
    creditLimit: 40000,
    contact: "Kevin Wright",
  },
];

export const customer = (number: string): CustomerSpec => CUSTOMERS.find((c) => c.number === number)!;

/** The mobile phone number of a customer's person contact (the same in both systems where the contact exists in both). */
export function personMobile(customerNumber: string): string {
  return `+1 555 01${String(CUSTOMERS.findIndex((c) => c.number === customerNumber)).padStart(2, "0")}`;
}

/** An e-mail address from a person's name and a company's mail domain ("Robert Townes", adatum.example.com). */
export function personEmail(name: string, companyEmail: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${companyEmail.split("@")[1]}`;
}
