/** Business Central demo parties: customers, their company and person contacts, opportunities. */
import { BLANK_ENUM, codeRef, currencyFields } from "./demo-erp-masters";
import {
  CUSTOMERS,
  customer,
  day,
  erpId,
  personEmail,
  personMobile,
  type CustomerSpec,
  type DemoRow,
  type DemoSet,
} from "./demo-ids";

/** The company contact of the i-th customer (CT000010, CT000020, …) and its person contact (CT000011, …). */
const companyContactNo = (index: number) => `CT${String((index + 1) * 10).padStart(6, "0")}`;
const personContactNo = (index: number) => `CT${String((index + 1) * 10 + 1).padStart(6, "0")}`;

/** The ERP person contact of a customer: number and name (opportunities and documents refer to it). */
export function customerContact(customerNumber: string): { number: string; name: string; email: string } {
  const index = CUSTOMERS.findIndex((c) => c.number === customerNumber);
  const spec = CUSTOMERS[index]!;
  return { number: personContactNo(index), name: spec.contact, email: personEmail(spec.contact, spec.email) };
}

/** Shipping agents of the customers (a field of Tandem's customers page); the same as their accounts' shipping methods. */
const SHIPPING_AGENT_OF: Record<string, string> = {
  "10000": "DHL",
  "20000": "UPS",
  "40000": "FEDEX",
  "50000": "UPS",
  "60000": "OWN LOG.",
  "70000": "DHL",
  "80000": "FEDEX",
};

const address = (c: CustomerSpec) => ({
  addressLine1: c.address,
  addressLine2: "",
  city: c.city,
  state: c.state,
  country: c.country,
  postalCode: c.postalCode,
});

function customerRow(c: CustomerSpec, index: number): DemoRow {
  return {
    id: erpId("customers", c.number),
    data: {
      number: c.number,
      displayName: c.name,
      type: "Company",
      ...address(c),
      phoneNumber: c.phone,
      email: c.email,
      website: c.website,
      salespersonCode: c.salesperson,
      balanceDue: [4312.5, 2891.52, 1337.28, 0, 612, 0, 1980.4, 0][index] ?? 0,
      creditLimit: c.creditLimit,
      taxLiable: c.country === "US",
      taxRegistrationNumber: c.country === "DE" ? "DE812345678" : "",
      ...currencyFields(c.currency),
      paymentTermsId: codeRef("paymentTerms", c.paymentTerms),
      shipmentMethodId: codeRef("shipmentMethods", c.shipmentMethod),
      shippingAgentCode: SHIPPING_AGENT_OF[c.number] ?? "",
      blocked: c.blocked ?? BLANK_ENUM,
    },
  };
}

function contactRows(): DemoRow[] {
  const rows: DemoRow[] = [];
  CUSTOMERS.forEach((c, index) => {
    const company = companyContactNo(index);
    rows.push({
      id: erpId("contacts", company),
      data: {
        number: company,
        type: "Company",
        displayName: c.name,
        companyNumber: company,
        companyName: c.name,
        contactBusinessRelation: "Customer",
        customerId: erpId("customers", c.number),
        ...address(c),
        phoneNumber: c.phone,
        mobilePhoneNumber: "",
        email: c.email,
        website: c.website,
        searchName: c.name.toUpperCase(),
        privacyBlocked: false,
        taxRegistrationNumber: "",
      },
    });
    const person = customerContact(c.number);
    rows.push({
      id: erpId("contacts", person.number),
      data: {
        number: person.number,
        type: "Person",
        displayName: person.name,
        companyNumber: company,
        companyName: c.name,
        contactBusinessRelation: "Customer",
        ...address(c),
        phoneNumber: c.phone.replace(/0$/, "1"),
        mobilePhoneNumber: personMobile(c.number),
        email: person.email,
        website: "",
        searchName: person.name.toUpperCase(),
        privacyBlocked: false,
        taxRegistrationNumber: "",
      },
    });
  });
  // Person contacts without a company: the CONTACT mapping's filter (companyNumber ne '') leaves them out.
  const loners: [string, string, string, string][] = [
    ["CT000901", "Lina Townsend", "lina.townsend@outlook.example.com", "Portland"],
    ["CT000902", "Marc Keller", "marc.keller@gmail.example.com", "Austin"],
  ];
  for (const [number, name, email, city] of loners) {
    rows.push({
      id: erpId("contacts", number),
      data: {
        number,
        type: "Person",
        displayName: name,
        companyNumber: "",
        companyName: "",
        contactBusinessRelation: "None",
        addressLine1: "",
        addressLine2: "",
        city,
        state: "",
        country: "US",
        postalCode: "",
        phoneNumber: "",
        mobilePhoneNumber: "+1 555 0199",
        email,
        website: "",
        searchName: name.toUpperCase(),
        privacyBlocked: false,
        taxRegistrationNumber: "",
      },
    });
  }
  return rows;
}

function opportunityRows(now: Date): DemoRow[] {
  // In the order last modified (demo-data.ts stamps rows in order). Coho Winery's fails on purpose (its contact is not
  // coupled), so it is not the last: a scheduled run reads the most recently modified open opportunity again (the
  // watermark's overlap), and that one syncs.
  const specs: {
    number: string;
    customer: string;
    description: string;
    status: string;
    value: number;
    chance: number;
    closeIn: number;
    createdDaysAgo: number;
  }[] = [
    {
      number: "OP000003",
      customer: "30000",
      description: "Studio seating for the new wing",
      status: "Won",
      value: 5784,
      chance: 100,
      closeIn: -3,
      createdDaysAgo: 28,
    },
    {
      number: "OP000001",
      customer: "10000",
      description: "Office refresh: 40 ATHENS desks",
      status: "In_x0020_Progress",
      value: 40032,
      chance: 60,
      closeIn: 30,
      createdDaysAgo: 21,
    },
    {
      number: "OP000004",
      customer: "60000",
      description: "Tasting room lamps",
      status: "In_x0020_Progress",
      value: 1098,
      chance: 50,
      closeIn: 14,
      createdDaysAgo: 5,
    },
    {
      number: "OP000002",
      customer: "20000",
      description: "Conference rooms, 3 ANTWERP tables",
      status: "Not_x0020_Started",
      value: 3784,
      chance: 25,
      closeIn: 60,
      createdDaysAgo: 9,
    },
  ];
  return specs.map((o) => {
    const c = customer(o.customer);
    const contact = customerContact(o.customer);
    const won = o.status === "Won";
    return {
      id: erpId("opportunities", o.number),
      data: {
        number: o.number,
        contactNumber: contact.number,
        contactName: contact.name,
        contactCompanyNumber: companyContactNo(CUSTOMERS.indexOf(c)),
        contactCompanyName: c.name,
        salespersonCode: c.salesperson,
        description: o.description,
        status: o.status,
        closed: won,
        creationDate: day(now, -o.createdDaysAgo),
        ...(won ? { dateClosed: day(now, o.closeIn) } : {}),
        calculatedCurrentValue: Math.round((o.value * o.chance) / 100),
        chancesOfSuccessPrc: o.chance,
        completedPrc: won ? 100 : o.status === "Not_x0020_Started" ? 0 : 40,
        estimatedClosingDate: day(now, o.closeIn),
        estimatedValue: o.value,
        systemCreatedAt: `${day(now, -o.createdDaysAgo)}T09:00:00.000Z`,
      },
    };
  });
}

export function erpParties(now: Date): DemoSet {
  return {
    customers: CUSTOMERS.map(customerRow),
    contacts: contactRows(),
    opportunities: opportunityRows(now),
  };
}
