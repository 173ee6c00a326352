/** Dataverse demo parties: accounts (customers, vendors, one inactive), contacts with and without a parent, opportunities. */
import { STANDARD_PRICE_LIST, USD } from "./demo-crm-masters";
import { CRM_USERS, crmId, customer, day, personEmail, personMobile, type DemoRow, type DemoSet } from "./demo-ids";

const CUSTOMER = 3;
const VENDOR = 11;

export type AccountSpec = {
  key: string;
  name: string;
  type: number;
  owner: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  email: string;
  website: string;
  creditLimit?: number;
  paymentTerms?: number;
  freightTerms?: number;
  shippingMethod?: number;
  inactive?: boolean;
  primaryContact?: string;
};

/**
 * An account with the same name, address and phone as an ERP customer: the CUSTOMER mapping couples them by name. Its
 * choice columns hold the options whose labels are the customer's payment terms, shipment method and shipping agent
 * codes (ADDED_OPTIONS), blank where the customer has none, so the twins agree on every field CUSTOMER maps both ways.
 */
function likeErpCustomer(number: string, key: string, owner: string, extra: Partial<AccountSpec>): AccountSpec {
  const c = customer(number);
  return {
    key,
    name: c.name,
    type: CUSTOMER,
    owner,
    line1: c.address,
    city: c.city,
    state: c.state,
    postalCode: c.postalCode,
    country: c.country,
    phone: c.phone,
    email: c.email,
    website: c.website,
    creditLimit: c.creditLimit,
    ...extra,
  };
}

export const ACCOUNTS: AccountSpec[] = [
  // 1M(8D), EXW, DHL
  likeErpCustomer("10000", "adatum", CRM_USERS.jim, {
    paymentTerms: 100000002,
    freightTerms: 100000000,
    shippingMethod: 2,
    primaryContact: "robert.townes",
  }),
  // 14 DAYS, FOB, UPS
  likeErpCustomer("20000", "trey-research", CRM_USERS.peter, {
    paymentTerms: 100000001,
    freightTerms: 1,
    shippingMethod: 4,
    primaryContact: "jesse.homer",
  }),
  // CM, PICKUP, no shipping agent
  likeErpCustomer("30000", "school-of-fine-art", CRM_USERS.benjamin, {
    paymentTerms: 100000003,
    freightTerms: 100000001,
    primaryContact: "meagan.bond",
  }),
  // COD, PICKUP, OWN LOG.
  likeErpCustomer("60000", "coho-winery", CRM_USERS.jim, {
    paymentTerms: 100000000,
    freightTerms: 100000001,
    shippingMethod: 100000000,
  }),
  {
    key: "litware",
    name: "Litware, Inc.",
    type: CUSTOMER,
    owner: CRM_USERS.alicia,
    line1: "400 Lakeshore Blvd",
    city: "Cleveland",
    state: "OH",
    postalCode: "44114",
    country: "US",
    phone: "+1 216 555 0190",
    email: "sales@litware.example.com",
    website: "www.litware.example.com",
    creditLimit: 15000,
    paymentTerms: 1,
    primaryContact: "sara.davis",
  },
  {
    key: "northwind",
    name: "Northwind Traders",
    type: CUSTOMER,
    owner: CRM_USERS.peter,
    line1: "77 Harbor Street",
    city: "San Diego",
    state: "CA",
    postalCode: "92101",
    country: "US",
    phone: "+1 619 555 0191",
    email: "office@northwind.example.com",
    website: "www.northwind.example.com",
    creditLimit: 20000,
    paymentTerms: 2,
    shippingMethod: 3,
  },
  {
    key: "wide-world-importers",
    name: "Wide World Importers",
    type: CUSTOMER,
    owner: CRM_USERS.benjamin,
    line1: "1 Commerce Plaza",
    city: "Newark",
    state: "NJ",
    postalCode: "07102",
    country: "US",
    phone: "+1 973 555 0192",
    email: "buying@wideworldimporters.example.com",
    website: "www.wideworldimporters.example.com",
    creditLimit: 35000,
    paymentTerms: 4,
  },
  {
    key: "fourth-coffee",
    name: "Fourth Coffee",
    type: VENDOR,
    owner: CRM_USERS.jim,
    line1: "12 Roastery Lane",
    city: "Portland",
    state: "OR",
    postalCode: "97201",
    country: "US",
    phone: "+1 503 555 0193",
    email: "orders@fourthcoffee.example.com",
    website: "www.fourthcoffee.example.com",
    primaryContact: "owen.baker",
  },
  {
    key: "proseware",
    name: "Proseware, Inc.",
    type: VENDOR,
    owner: CRM_USERS.alicia,
    line1: "900 Software Way",
    city: "Redmond",
    state: "WA",
    postalCode: "98052",
    country: "US",
    phone: "+1 425 555 0194",
    email: "billing@proseware.example.com",
    website: "www.proseware.example.com",
  },
  {
    key: "blue-yonder",
    name: "Blue Yonder Airlines",
    type: CUSTOMER,
    owner: CRM_USERS.admin,
    line1: "3 Airport Road",
    city: "Dallas",
    state: "TX",
    postalCode: "75201",
    country: "US",
    phone: "+1 214 555 0195",
    email: "procurement@blueyonder.example.com",
    website: "www.blueyonderairlines.example.com",
    creditLimit: 0,
    inactive: true,
  },
];

export const accountId = (key: string) => crmId("accounts", key);
export const account = (key: string): AccountSpec => ACCOUNTS.find((a) => a.key === key)!;
export const contactId = (key: string) => crmId("contacts", key);

type ContactSpec = {
  key: string;
  first: string;
  last: string;
  parent?: string;
  owner: string;
  phone: string;
  mobile?: string;
  email?: string;
  inactive?: boolean;
};

/** Contacts of accounts that are ERP customers carry the ERP person contact's e-mail (so CONTACT couples them) and phones. */
const CONTACTS: ContactSpec[] = [
  {
    key: "robert.townes",
    first: "Robert",
    last: "Townes",
    parent: "adatum",
    owner: CRM_USERS.jim,
    phone: "+1 404 555 0111",
    mobile: personMobile("10000"),
  },
  {
    key: "jesse.homer",
    first: "Jesse",
    last: "Homer",
    parent: "trey-research",
    owner: CRM_USERS.peter,
    phone: "+1 312 555 0121",
    mobile: personMobile("20000"),
  },
  {
    key: "meagan.bond",
    first: "Meagan",
    last: "Bond",
    parent: "school-of-fine-art",
    owner: CRM_USERS.benjamin,
    phone: "+1 305 555 0131",
    mobile: personMobile("30000"),
  },
  {
    key: "chris.preston",
    first: "Chris",
    last: "Preston",
    parent: "coho-winery",
    owner: CRM_USERS.jim,
    phone: "+1 707 555 0162",
  },
  {
    key: "sara.davis",
    first: "Sara",
    last: "Davis",
    parent: "litware",
    owner: CRM_USERS.alicia,
    phone: "+1 216 555 0196",
  },
  {
    key: "owen.baker",
    first: "Owen",
    last: "Baker",
    parent: "fourth-coffee",
    owner: CRM_USERS.jim,
    phone: "+1 503 555 0197",
  },
  // No parent account: the CONTACT mapping's filter leaves them out.
  {
    key: "alex.rivera",
    first: "Alex",
    last: "Rivera",
    owner: CRM_USERS.alicia,
    phone: "+1 512 555 0198",
    email: "alex.rivera@outlook.example.com",
  },
  {
    key: "dana.whitfield",
    first: "Dana",
    last: "Whitfield",
    owner: CRM_USERS.peter,
    phone: "+1 720 555 0199",
    email: "dana.whitfield@gmail.example.com",
  },
];

function accountRows(): DemoRow[] {
  return ACCOUNTS.map((a) => ({
    id: accountId(a.key),
    data: {
      name: a.name,
      address1_line1: a.line1,
      address1_city: a.city,
      address1_stateorprovince: a.state,
      address1_postalcode: a.postalCode,
      address1_country: a.country,
      ...(a.freightTerms ? { address1_freighttermscode: a.freightTerms } : {}),
      ...(a.shippingMethod ? { address1_shippingmethodcode: a.shippingMethod } : {}),
      ...(a.paymentTerms ? { paymenttermscode: a.paymentTerms } : {}),
      transactioncurrencyid: USD,
      emailaddress1: a.email,
      websiteurl: a.website,
      telephone1: a.phone,
      ...(a.primaryContact ? { primarycontactid: contactId(a.primaryContact) } : {}),
      ...(a.creditLimit !== undefined ? { creditlimit: a.creditLimit } : {}),
      customertypecode: a.type,
      statecode: a.inactive ? 1 : 0,
      statuscode: a.inactive ? 2 : 1,
      ownerid: a.owner,
      "ownerid@target": "systemusers",
    },
  }));
}

function contactRows(): DemoRow[] {
  return CONTACTS.map((c) => {
    const parent = c.parent ? account(c.parent) : undefined;
    const email = c.email ?? personEmail(`${c.first} ${c.last}`, parent!.email);
    return {
      id: contactId(c.key),
      data: {
        firstname: c.first,
        lastname: c.last,
        fullname: `${c.first} ${c.last}`,
        ...(parent ? { parentcustomerid: accountId(parent.key), "parentcustomerid@target": "accounts" } : {}),
        ...(parent
          ? {
              address1_line1: parent.line1,
              address1_city: parent.city,
              address1_stateorprovince: parent.state,
              address1_postalcode: parent.postalCode,
              address1_country: parent.country,
            }
          : {}),
        emailaddress1: email,
        telephone1: c.phone,
        ...(c.mobile ? { mobilephone: c.mobile } : {}),
        transactioncurrencyid: USD,
        statecode: 0,
        statuscode: 1,
        ownerid: c.owner,
        "ownerid@target": "systemusers",
      },
    };
  });
}

function opportunityRows(now: Date): DemoRow[] {
  const specs: { key: string; name: string; account: string; contact: string; value: number; closeIn: number }[] = [
    {
      key: "adatum-chairs",
      name: "25 LONDON swivel chairs for the new call center",
      account: "adatum",
      contact: "robert.townes",
      value: 4752.5,
      closeIn: 45,
    },
    {
      key: "trey-lab",
      name: "Lab furniture for the research building",
      account: "trey-research",
      contact: "jesse.homer",
      value: 12500,
      closeIn: 30,
    },
    {
      key: "litware-office",
      name: "Warehouse office fit-out",
      account: "litware",
      contact: "sara.davis",
      value: 8000,
      closeIn: 60,
    },
  ];
  return specs.map((o) => ({
    id: crmId("opportunities", o.key),
    data: {
      name: o.name,
      parentcontactid: contactId(o.contact),
      parentaccountid: accountId(o.account),
      customerid: accountId(o.account),
      "customerid@target": "accounts",
      estimatedvalue: o.value,
      estimatedclosedate: day(now, o.closeIn),
      pricelevelid: STANDARD_PRICE_LIST,
      transactioncurrencyid: USD,
      ownerid: account(o.account).owner,
      "ownerid@target": "systemusers",
      statecode: 0,
      statuscode: 1,
    },
  }));
}

export function crmParties(now: Date): DemoSet {
  return { accounts: accountRows(), contacts: contactRows(), opportunities: opportunityRows(now) };
}
