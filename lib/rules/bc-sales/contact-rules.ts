import type { ConnectorRecord } from "@/lib/connectors/connector";
import { toPredicate } from "@/lib/mapping/filter/filter-predicate";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { readWhereIn, referenceId, type RuleContext, type RuleOutcome, type SyncRule } from "@/lib/sync/rules/rule-api";
import { companiesByNumber, companiesOfCustomers } from "./business-relations";
import { isPair, lookup, mappingBetween } from "./rule-helpers";

const CUSTOMER_TYPE = 3;
type Decide = (record: ConnectorRecord) => RuleOutcome | undefined;

/** The coupled user of each salesperson code (lowercased), or undefined when the code's salesperson has none. */
async function usersOfSalespeople(ctx: RuleContext, codes: string[]): Promise<Map<string, string | undefined>> {
  const salespeople = mappingBetween(ctx.config, "salespeoplePurchasers", "systemusers");
  const wanted = codes.filter(Boolean);
  const people =
    salespeople && wanted.length ? await readWhereIn(ctx.connectors.erp, "salespeoplePurchasers", "code", wanted) : [];
  const users = salespeople
    ? await ctx.couplingsOf(
        salespeople.name,
        "erp",
        people.map((p) => p.id),
      )
    : new Map();
  return new Map(people.map((p) => [String(p.values.code).toLowerCase(), users.get(p.id.toLowerCase())?.crmId]));
}

/** Into the CRM: the parent is the account coupled to the customer the contact's company is related to. */
async function parentAccounts(
  ctx: RuleContext,
  customerMapping: TableMapping,
  records: ConnectorRecord[],
): Promise<Decide> {
  const companies = await companiesByNumber(
    ctx,
    records.map((r) => String(r.values.companyNumber ?? "")),
  );
  const customerIds = [...new Set([...companies.values()].flatMap((c) => (c.customerId ? [c.customerId] : [])))];
  const customers = new Map(
    (customerIds.length ? await ctx.connectors.erp.readByIds("customers", customerIds) : []).map((c) => [
      c.id.toLowerCase(),
      c,
    ]),
  );
  const accounts = await ctx.couplingsOf(customerMapping.name, "erp", customerIds);
  const userOf = await usersOfSalespeople(
    ctx,
    [...customers.values()].map((c) => String(c.values.salespersonCode ?? "")),
  );
  const entity = findEntity(ctx.catalogs.erp, "customers");
  const inScope = customerMapping.erp.filter
    ? toPredicate(customerMapping.erp.filter, { field: (name) => findField(entity, name) })
    : () => true;
  return (record) => {
    const number = String(record.values.companyNumber ?? "");
    const company = companies.get(number.toLowerCase());
    const customer = company?.customerId ? customers.get(company.customerId) : undefined;
    const label = `${number}${company ? ` (${company.name})` : ""}`;
    if (!customer)
      return {
        error: {
          code: "RULE_FAILED",
          message: `The contact's company ${label} is not related to a customer in Business Central (Contact Business Relation), so the contact has no parent account.`,
        },
      };
    const name = `${String(customer.values.number ?? customer.id)} (${String(customer.values.displayName ?? "")})`;
    const account = accounts.get(customer.id.toLowerCase());
    // A blocked customer is outside CUSTOMER's filter: its contacts are not synchronized either.
    if (!account && !inScope(customer.values))
      return { ignore: `The contact's customer ${name} is outside the ${customerMapping.name} mapping's filter.` };
    if (!account)
      return {
        error: {
          code: "LOOKUP_NOT_COUPLED",
          message: `${customerMapping.name}: the customer ${name} of the contact's company ${number} is not coupled to an account; synchronize ${customerMapping.name} first.`,
        },
      };
    const code = String(customer.values.salespersonCode ?? "");
    const owner = code ? userOf.get(code.toLowerCase()) : undefined;
    if (code && !owner)
      return {
        error: {
          code: "LOOKUP_NOT_COUPLED",
          message: `SALESPEOPLE: the salesperson ${code} of ${name} is not coupled to a user; couple or synchronize SALESPEOPLE first.`,
        },
      };
    return {
      values: {
        parentcustomerid: lookup(account.crmId, "accounts"),
        ...(owner ? { ownerid: lookup(owner, "systemusers") } : {}),
      },
    };
  };
}

/** Into the ERP: the contact is filed under the company contact of the customer coupled to its parent account. */
async function companiesOfParents(
  ctx: RuleContext,
  customerMapping: TableMapping,
  records: ConnectorRecord[],
): Promise<Decide> {
  const parents = records.flatMap((r) => referenceId(r.values.parentcustomerid) ?? []);
  const coupled = await ctx.couplingsOf(customerMapping.name, "crm", parents);
  const accounts = new Map(
    (parents.length ? await ctx.connectors.crm.readByIds("accounts", parents, ["name", "customertypecode"]) : []).map(
      (a) => [a.id.toLowerCase(), a],
    ),
  );
  const companies = await companiesOfCustomers(
    ctx,
    [...coupled.values()].map((c) => c.erpId),
  );
  return (record) => {
    const parent = referenceId(record.values.parentcustomerid) ?? "";
    const account = accounts.get(parent);
    // Contacts of vendors, partners or other parties belong to no customer: not this mapping's records.
    if (!account || Number(account.values.customertypecode) !== CUSTOMER_TYPE)
      return { ignore: "The contact's parent is not a customer account." };
    const customerId = coupled.get(parent)?.erpId;
    if (!customerId)
      return {
        error: {
          code: "LOOKUP_NOT_COUPLED",
          message: `${customerMapping.name}: the contact's parent account "${String(account.values.name)}" is not coupled to a customer; synchronize ${customerMapping.name} first.`,
        },
      };
    const company = companies.get(customerId.toLowerCase());
    if (!company)
      return {
        error: {
          code: "RULE_FAILED",
          message: `The customer coupled to "${String(account.values.name)}" has no company contact in Business Central (Contact Business Relation) to file the contact under.`,
        },
      };
    // Always, not only on create: a contact moved to another account in the CRM moves to that customer's company.
    return { values: { companyNumber: company.number, companyName: company.name }, createOnly: { type: "Person" } };
  };
}

/**
 * BC's contact wiring (§5.2 CONTACT hooks), through the Contact Business Relation rather than names (two customers
 * may share one). Into the CRM: the parent account and the owner come from the customer the contact's company is
 * related to. Into the ERP: only contacts with a parent account, filed under that account's customer's company.
 */
export const contactParentAndOwner: SyncRule = {
  name: "only CRM contacts with a parent account are created in the ERP, salesperson code sets the owner",
  appliesTo: (mapping) => isPair(mapping, "contacts", "contacts"),
  async preparePage(ctx, _mapping, flow, records) {
    const customerMapping = mappingBetween(ctx.config, "customers", "accounts");
    if (!customerMapping) return () => undefined;
    return (flow === "erp-to-crm" ? parentAccounts : companiesOfParents)(ctx, customerMapping, records);
  },
};
