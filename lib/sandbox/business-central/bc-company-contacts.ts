import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { SandboxStore, StoredRecord } from "../store/sandbox-store";

const ADDRESS = [
  "addressLine1",
  "addressLine2",
  "city",
  "state",
  "country",
  "postalCode",
  "phoneNumber",
  "email",
  "website",
] as const;

/** The next contact numbers after the highest CT###### in use (BC's contact number series). */
async function nextContactNumbers(store: SandboxStore, count: number): Promise<string[]> {
  const [last] = await store.query({
    entity: "contacts",
    where: sql`(data ->> 'number') ~ '^CT[0-9]+$'`,
    orderBy: [{ expr: sql`substring(data ->> 'number' from 3)::bigint`, direction: "desc" }],
    limit: 1,
  });
  const start = last ? Number(String(last.data.number).slice(2)) : 0;
  return Array.from({ length: count }, (_, i) => `CT${String(start + (i + 1) * 10).padStart(6, "0")}`);
}

/**
 * Business Central's marketing setup: a new customer gets a company contact linked to it (Contact Business Relation
 * "Customer", which Tandem's contacts page shows as `customerId`), which person contacts are then filed under.
 */
export async function addCompanyContacts(store: SandboxStore, customers: StoredRecord[], now: Date): Promise<void> {
  if (!customers.length) return;
  const numbers = await nextContactNumbers(store, customers.length);
  await store.writeMany(
    customers.map((customer, i) => {
      const name = String(customer.data.displayName ?? "");
      const copied = Object.fromEntries(ADDRESS.map((field) => [field, customer.data[field] ?? ""]));
      return {
        entity: "contacts",
        record: {
          id: randomUUID(),
          data: {
            number: numbers[i],
            type: "Company",
            displayName: name,
            companyNumber: numbers[i],
            companyName: name,
            contactBusinessRelation: "Customer",
            customerId: customer.id,
            ...copied,
            mobilePhoneNumber: "",
            searchName: name.toUpperCase(),
            privacyBlocked: false,
            taxRegistrationNumber: "",
          },
        },
      };
    }),
    now,
  );
}
