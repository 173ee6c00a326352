import type { ConnectorRecord } from "@/lib/connectors/connector";
import { f } from "@/lib/mapping/model/filter";
import { readWhereIn, referenceId, type RuleContext } from "@/lib/sync/rules/rule-api";

/**
 * The field of Tandem's contacts page that names the customer a company contact's Contact Business Relation links it
 * to (Link to Table = Customer). v2.0 only says *that* a contact is related to a customer (contactBusinessRelation).
 */
export const RELATED_CUSTOMER = "customerId";

/** A company contact and the customer it is related to, if any. */
export type Company = { number: string; name: string; customerId: string | null };

const SELECT = ["number", "displayName", RELATED_CUSTOMER];
const IS_COMPANY = f.eq("type", "Company");

function company(record: ConnectorRecord): Company {
  return {
    number: String(record.values.number ?? ""),
    name: String(record.values.displayName ?? ""),
    customerId: referenceId(record.values[RELATED_CUSTOMER]),
  };
}

/** Company contacts by their number (lowercased): where a contact's companyNumber points. */
export async function companiesByNumber(ctx: RuleContext, numbers: string[]): Promise<Map<string, Company>> {
  const wanted = numbers.filter(Boolean);
  const found = wanted.length
    ? await readWhereIn(ctx.connectors.erp, "contacts", "number", wanted, IS_COMPANY, SELECT)
    : [];
  return new Map(found.map((record) => [String(record.values.number).toLowerCase(), company(record)]));
}

/** The company contact of each customer, by customer id (lowercased): BC allows one per customer. */
export async function companiesOfCustomers(ctx: RuleContext, customerIds: string[]): Promise<Map<string, Company>> {
  const found = customerIds.length
    ? await readWhereIn(ctx.connectors.erp, "contacts", RELATED_CUSTOMER, customerIds, IS_COMPANY, SELECT)
    : [];
  return new Map(
    found.map((record) => company(record)).flatMap((c) => (c.customerId ? [[c.customerId, c] as const] : [])),
  );
}
