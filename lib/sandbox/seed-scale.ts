import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers/types";
import type { SystemSide } from "@/db/schema/enums";
import { stableUuid } from "./stable-uuid";
import { SandboxStore, type NewRecord } from "./store/sandbox-store";

export type ScaleSummary = Record<SystemSide, Record<string, number>>;

/**
 * Adds `customers` generated customers to the ERP sandbox and as many customer accounts to the CRM sandbox, for
 * benchmarks. Names and ids are derived from the index, so seeding twice with the same count adds nothing new.
 */
export async function seedScale(
  db: Database,
  options: { customers: number; systems?: SystemSide[] },
  now = new Date(),
): Promise<ScaleSummary> {
  const erp = new SandboxStore(db, "erp");
  const crm = new SandboxStore(db, "crm");
  const systems = options.systems ?? ["erp", "crm"];
  const existing = await (systems.includes("erp")
    ? erp.count("customers", sql`(data ->> 'number') like 'S%'`)
    : crm.count("accounts", sql`(data ->> 'accountnumber') like 'A%'`));
  const start = existing;
  const count = Math.max(0, options.customers - existing);
  const batch = 5000;
  for (let offset = 0; offset < count; offset += batch) {
    const size = Math.min(batch, count - offset);
    const indexes = Array.from({ length: size }, (_, i) => start + offset + i);
    const at = (i: number) => new Date(now.getTime() - (options.customers - i) * 1000);
    const customers: NewRecord[] = indexes.map((i) => ({
      id: stableUuid(`erp:customers:scale:${i}`),
      data: {
        number: `S${String(i).padStart(7, "0")}`,
        displayName: `Scale Customer ${i}`,
        type: "Company",
        blocked: "_x0020_",
        city: "Seattle",
        country: "US",
        email: `customer${i}@example.test`,
      },
      createdAt: at(i),
      modifiedAt: at(i),
    }));
    const accounts: NewRecord[] = indexes.map((i) => ({
      id: stableUuid(`crm:accounts:scale:${i}`),
      data: {
        name: `Scale Account ${i}`,
        accountnumber: `A${String(i).padStart(7, "0")}`,
        customertypecode: 3,
        statecode: 0,
        statuscode: 1,
        address1_city: "Seattle",
        emailaddress1: `account${i}@example.test`,
      },
      modifiedBy: stableUuid("crm:systemusers:admin"),
      createdAt: at(i),
      modifiedAt: at(i),
    }));
    if (systems.includes("erp")) await erp.insertMany("customers", customers, now);
    if (systems.includes("crm")) await crm.insertMany("accounts", accounts, now);
  }
  return {
    erp: { customers: systems.includes("erp") ? count : 0 },
    crm: { accounts: systems.includes("crm") ? count : 0 },
  };
}
