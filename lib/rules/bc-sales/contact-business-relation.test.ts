import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwinCustomers, type TwinCustomers } from "./test/twin-customers";

/**
 * BC's CONTACT hooks (§5.2): a contact's parent account is the account coupled to the customer its company contact is
 * related to (Contact Business Relation), and a contact filed under an account in the CRM goes under that account's
 * customer's company contact in the ERP — never a match of the company's name, which two customers may share.
 */
describe("contacts find their company through the business relation and the coupled customer", () => {
  let t: TwinCustomers;
  const erpContact = async (name: string) =>
    (await t.h.all("erp", "contacts")).find((c) => c.data.displayName === name)!;
  const crmContact = async (last: string) => (await t.h.all("crm", "contacts")).find((c) => c.data.lastname === last)!;

  beforeAll(async () => {
    t = await startTwinCustomers();
    const person = (displayName: string, companyNumber: string) => ({
      type: "Person",
      displayName,
      companyNumber,
      companyName: "Contoso",
      email: `${displayName.split(" ")[0]!.toLowerCase()}@contoso.test`,
    });
    await t.h.seed("erp", "contacts", [person("Ann Lee", t.companies[0]), person("Bob Ray", t.companies[1])]);
    const crm = (firstname: string, lastname: string, parent: string) => ({
      firstname,
      lastname,
      emailaddress1: `${firstname.toLowerCase()}@contoso.test`,
      parentcustomerid: parent,
      "parentcustomerid@target": "accounts",
      statecode: 0,
      statuscode: 1,
    });
    await t.h.seed("crm", "contacts", [crm("Cy", "Fox", t.accounts[1]), crm("Di", "Moe", t.accounts[0])]);
  }, 60_000);
  afterAll(async () => t?.h.close());

  it("should file each ERP contact under the account of its own company's customer when two customers share a name", async () => {
    const { passes } = await t.run("CONTACT", "erp-to-crm", true);
    expect(passes[0]!.counters).toMatchObject({ inserted: 2, failed: 0 });
    expect((await crmContact("Lee")).data.parentcustomerid).toBe(t.accounts[0]);
    expect((await crmContact("Ray")).data.parentcustomerid).toBe(t.accounts[1]);
  });

  it("should file each CRM contact under the company contact of its account's customer when two customers share a name", async () => {
    const { passes } = await t.run("CONTACT", "crm-to-erp", true);
    expect(passes[0]!.counters).toMatchObject({ inserted: 2, failed: 0 });
    expect((await erpContact("Cy Fox")).data).toMatchObject({ type: "Person", companyNumber: t.companies[1] });
    expect((await erpContact("Di Moe")).data).toMatchObject({ type: "Person", companyNumber: t.companies[0] });
  });

  it("should move the ERP contact to the other customer's company when its CRM contact moves to the other account", async () => {
    await t.h.edit("crm", "contacts", (await crmContact("Lee")).id, { parentcustomerid: t.accounts[1] });
    const { passes } = await t.run("CONTACT", "crm-to-erp");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect((await erpContact("Ann Lee")).data.companyNumber).toBe(t.companies[1]);
  });

  it("should move the CRM contact to the other account when its ERP contact moves to the other customer's company", async () => {
    await t.h.edit("erp", "contacts", (await erpContact("Bob Ray")).id, { companyNumber: t.companies[0] });
    const { passes } = await t.run("CONTACT", "erp-to-crm");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect((await crmContact("Ray")).data.parentcustomerid).toBe(t.accounts[0]);
  });
});
