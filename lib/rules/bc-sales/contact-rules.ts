import { toPredicate } from "@/lib/mapping/filter/filter-predicate";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { f } from "@/lib/mapping/model/filter";
import { readWhereIn } from "@/lib/sync/engine/read-records";
import type { RuleOutcome, SyncRule } from "@/lib/sync/rules/sync-rule";
import { isPair, lookup, mappingBetween } from "./rule-helpers";

const CUSTOMER_TYPE = 3;

/**
 * BC's contact wiring (§5.2 CONTACT hooks). Into the CRM: the parent account is the coupled account of the customer
 * the contact's company belongs to, and the owner is that customer's salesperson. Into the ERP: only contacts with a
 * parent account, filed under the company contact of the customer coupled to that account.
 */
export const contactParentAndOwner: SyncRule = {
  name: "only CRM contacts with a parent account are created in the ERP, salesperson code sets the owner",
  appliesTo: (mapping) => isPair(mapping, "contacts", "contacts"),
  async preparePage(ctx, _mapping, flow, records) {
    const customerMapping = mappingBetween(ctx.config, "customers", "accounts");
    if (!customerMapping) return () => undefined;
    if (flow === "erp-to-crm") {
      const customers = await readWhereIn(ctx.connectors.erp, "customers", "displayName", records.map((r) => String(r.values.companyName ?? "")).filter(Boolean));
      const byName = new Map(customers.map((c) => [String(c.values.displayName).toLowerCase(), c]));
      const accounts = await ctx.couplingsOf(customerMapping.name, "erp", customers.map((c) => c.id));
      const entity = findEntity(ctx.catalogs.erp, "customers");
      const inScope = customerMapping.erp.filter ? toPredicate(customerMapping.erp.filter, { field: (name) => findField(entity, name) }) : () => true;
      const salespeople = mappingBetween(ctx.config, "salespeoplePurchasers", "systemusers");
      const codes = customers.map((c) => String(c.values.salespersonCode ?? "")).filter(Boolean);
      const people = salespeople && codes.length ? await readWhereIn(ctx.connectors.erp, "salespeoplePurchasers", "code", codes) : [];
      const users = salespeople ? await ctx.couplingsOf(salespeople.name, "erp", people.map((p) => p.id)) : new Map();
      const userOf = new Map(people.map((p) => [String(p.values.code).toLowerCase(), users.get(p.id.toLowerCase())?.crmId]));
      return (record): RuleOutcome => {
        const company = String(record.values.companyName ?? "");
        const customer = byName.get(company.toLowerCase());
        if (!customer) return { error: { code: "RULE_FAILED", message: `The contact's company "${company}" is not a customer in Business Central, so the contact has no parent account.` } };
        const account = accounts.get(customer.id.toLowerCase());
        // A blocked customer is outside CUSTOMER's filter: its contacts are not synchronized either.
        if (!account && !inScope(customer.values)) return { ignore: `The contact's customer ${company} is outside the ${customerMapping.name} mapping's filter.` };
        if (!account) return { error: { code: "LOOKUP_NOT_COUPLED", message: `${customerMapping.name}: the customer ${String(customer.values.number ?? customer.id)} (${company}) is not coupled to an account; synchronize ${customerMapping.name} first.` } };
        const code = String(customer.values.salespersonCode ?? "");
        const owner = code ? userOf.get(code.toLowerCase()) : undefined;
        if (code && !owner) return { error: { code: "LOOKUP_NOT_COUPLED", message: `SALESPEOPLE: the salesperson ${code} of ${company} is not coupled to a user; couple or synchronize SALESPEOPLE first.` } };
        return { values: { parentcustomerid: lookup(account.crmId, "accounts"), ...(owner ? { ownerid: lookup(owner, "systemusers") } : {}) } };
      };
    }
    const parents = records.map((r) => String(r.values.parentcustomerid ?? "")).filter(Boolean);
    const coupled = await ctx.couplingsOf(customerMapping.name, "crm", parents);
    const accounts = new Map((await ctx.connectors.crm.readByIds("accounts", parents, ["name", "customertypecode"])).map((a) => [a.id.toLowerCase(), a]));
    const customers = await ctx.connectors.erp.readByIds("customers", [...coupled.values()].map((c) => c.erpId), ["displayName"]);
    const names = new Map(customers.map((c) => [c.id.toLowerCase(), String(c.values.displayName)]));
    const companies = await readWhereIn(ctx.connectors.erp, "contacts", "displayName", [...names.values()], f.eq("type", "Company"));
    const companyOf = new Map(companies.map((c) => [String(c.values.displayName).toLowerCase(), String(c.values.number)]));
    return (record): RuleOutcome => {
      const parent = String(record.values.parentcustomerid ?? "");
      const account = accounts.get(parent.toLowerCase());
      // Contacts of vendors, partners or other parties belong to no customer: not this mapping's records.
      if (!account || Number(account.values.customertypecode) !== CUSTOMER_TYPE) return { ignore: "The contact's parent is not a customer account." };
      const customerId = coupled.get(parent.toLowerCase())?.erpId;
      if (!customerId) return { error: { code: "LOOKUP_NOT_COUPLED", message: `${customerMapping.name}: the contact's parent account "${String(account.values.name)}" is not coupled to a customer; synchronize ${customerMapping.name} first.` } };
      const name = names.get(customerId.toLowerCase()) ?? "";
      const companyNumber = companyOf.get(name.toLowerCase());
      if (!companyNumber) return { error: { code: "RULE_FAILED", message: `The customer "${name}" has no company contact in Business Central to file the contact under.` } };
      return { createOnly: { companyNumber, companyName: name, type: "Person" } };
    };
  },
};
