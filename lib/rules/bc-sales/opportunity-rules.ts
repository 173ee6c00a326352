import type { ConnectorRecord } from "@/lib/connectors/connector";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { referenceId, type RuleContext, type RuleOutcome, type SyncRule } from "@/lib/sync/rules/rule-api";
import { companiesByNumber, companiesOfCustomers } from "./business-relations";
import { isPair, lookup, mappingBetween } from "./rule-helpers";

/** Tandem's opportunities page: the company contact of the opportunity's contact (BC's "Contact Company No."). */
const COMPANY_NUMBER = "contactCompanyNumber";
type Decide = (record: ConnectorRecord) => RuleOutcome | undefined;

/** Into the CRM: the account coupled to the customer the opportunity's company is related to. */
async function accountsOfCompanies(
  ctx: RuleContext,
  customerMapping: TableMapping,
  records: ConnectorRecord[],
): Promise<Decide> {
  const companies = await companiesByNumber(
    ctx,
    records.map((r) => String(r.values[COMPANY_NUMBER] ?? "")),
  );
  const accounts = await ctx.couplingsOf(
    customerMapping.name,
    "erp",
    [...companies.values()].flatMap((c) => c.customerId ?? []),
  );
  return (record) => {
    const number = String(record.values[COMPANY_NUMBER] ?? "");
    const company = companies.get(number.toLowerCase());
    // No company, or a prospect related to no customer: no account to point at, and none the CRM has is cleared.
    if (!company?.customerId) return undefined;
    const account = accounts.get(company.customerId);
    if (!account)
      return {
        error: {
          code: "LOOKUP_NOT_COUPLED",
          message: `${customerMapping.name}: the customer of the opportunity's company ${number} (${company.name}) is not coupled to an account; synchronize ${customerMapping.name} first.`,
        },
      };
    return { values: { parentaccountid: lookup(account.crmId, "accounts") } };
  };
}

/** Into the ERP: the company contact of the customer coupled to the opportunity's account. */
async function companiesOfAccounts(
  ctx: RuleContext,
  customerMapping: TableMapping,
  records: ConnectorRecord[],
): Promise<Decide> {
  const parents = records.flatMap((r) => referenceId(r.values.parentaccountid) ?? []);
  const coupled = await ctx.couplingsOf(customerMapping.name, "crm", parents);
  const companies = await companiesOfCustomers(
    ctx,
    [...coupled.values()].map((c) => c.erpId),
  );
  const uncoupled = parents.filter((id) => !coupled.has(id));
  const names = new Map(
    (uncoupled.length ? await ctx.connectors.crm.readByIds("accounts", uncoupled, ["name"]) : []).map((a) => [
      a.id.toLowerCase(),
      String(a.values.name ?? ""),
    ]),
  );
  return (record) => {
    const parent = referenceId(record.values.parentaccountid);
    // As BC does for a blank Primary Contact No.: a blank account keeps the ERP's company (a prospect's, say).
    if (!parent) return undefined;
    const customerId = coupled.get(parent)?.erpId;
    if (!customerId)
      return {
        error: {
          code: "LOOKUP_NOT_COUPLED",
          message: `${customerMapping.name}: the opportunity's account "${names.get(parent) ?? ""}" (${parent}) is not coupled to a customer; couple or synchronize ${customerMapping.name} first.`,
        },
      };
    const company = companies.get(customerId.toLowerCase());
    if (!company)
      return {
        error: {
          code: "RULE_FAILED",
          message: `The customer ${customerId} coupled to the opportunity's account has no company contact in Business Central (Contact Business Relation).`,
        },
      };
    return { values: { [COMPANY_NUMBER]: company.number } };
  };
}

/**
 * BC maps "Contact Company No." to the opportunity's parent account (§5.2 OPPORTUNITY); Tandem carries it both ways.
 * The company contact's business relation names the customer, and CUSTOMER's couplings give the account.
 */
export const opportunityAccount: SyncRule = {
  name: "opportunities carry their account through the company's customer",
  appliesTo: (mapping) => isPair(mapping, "opportunities", "opportunities"),
  async preparePage(ctx, _mapping, flow, records) {
    const customerMapping = mappingBetween(ctx.config, "customers", "accounts");
    if (!customerMapping) return () => undefined;
    return (flow === "erp-to-crm" ? accountsOfCompanies : companiesOfAccounts)(ctx, customerMapping, records);
  },
};
