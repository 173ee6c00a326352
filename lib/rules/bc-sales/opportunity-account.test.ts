import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwinCustomers, type TwinCustomers } from "./test/twin-customers";

/**
 * OPPORTUNITY (§5.2: Contact Company No. → ParentAccountId, owner from the salesperson), both ways: the account comes
 * from the company contact's customer through CUSTOMER's couplings, the owner through SALESPEOPLE's.
 */
describe("opportunities carry their account and owner both ways", () => {
  let t: TwinCustomers;
  let erpOpportunity: string;
  const crmOpportunity = async (name: string) =>
    (await t.h.all("crm", "opportunities")).find((o) => o.data.name === name)!;
  const erpOpportunityNamed = async (description: string) =>
    (await t.h.all("erp", "opportunities")).find((o) => o.data.description === description)!;

  beforeAll(async () => {
    t = await startTwinCustomers();
    await t.h.seed("erp", "contacts", [
      {
        number: "CT000021",
        type: "Person",
        displayName: "Bob Ray",
        companyNumber: t.companies[1],
        companyName: "Contoso",
        email: "bob@contoso.test",
      },
    ]);
    await t.run("CONTACT", "erp-to-crm", true);
    erpOpportunity = (
      await t.h.seed("erp", "opportunities", [
        {
          number: "OP000001",
          description: "Denver office chairs",
          contactNumber: "CT000021",
          contactCompanyNumber: t.companies[1],
          salespersonCode: "JO",
          status: "In_x0020_Progress",
          estimatedValue: 4000,
        },
      ])
    )[0]!;
    await t.h.seed("crm", "opportunities", [
      {
        name: "Boston lab benches",
        parentaccountid: t.accounts[0],
        ownerid: t.users.peter,
        "ownerid@target": "systemusers",
        statecode: 0,
        statuscode: 1,
      },
    ]);
  }, 60_000);
  afterAll(async () => t?.h.close());

  it("should give the CRM opportunity the account of its company's customer and the salesperson's user when it comes from the ERP", async () => {
    const { passes } = await t.run("OPPORTUNITY", "erp-to-crm");
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    expect((await crmOpportunity("Denver office chairs")).data).toMatchObject({
      parentaccountid: t.accounts[1],
      ownerid: t.users.jim,
    });
  });

  it("should give the ERP opportunity the company contact of its account's customer and the owner's salesperson when it comes from the CRM", async () => {
    const { passes } = await t.run("OPPORTUNITY", "crm-to-erp");
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    expect((await erpOpportunityNamed("Boston lab benches")).data).toMatchObject({
      contactCompanyNumber: t.companies[0],
      salespersonCode: "PS",
    });
  });

  it("should move the ERP opportunity to the other company and salesperson when the CRM one changes account and owner", async () => {
    await t.h.edit("crm", "opportunities", (await crmOpportunity("Boston lab benches")).id, {
      parentaccountid: t.accounts[1],
      ownerid: t.users.jim,
    });
    const { passes } = await t.run("OPPORTUNITY", "crm-to-erp");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect((await erpOpportunityNamed("Boston lab benches")).data).toMatchObject({
      contactCompanyNumber: t.companies[1],
      salespersonCode: "JO",
    });
  });

  it("should move the CRM opportunity to the other account and owner when the ERP one changes company and salesperson", async () => {
    await t.h.edit("erp", "opportunities", erpOpportunity, {
      contactCompanyNumber: t.companies[0],
      salespersonCode: "PS",
    });
    const { passes } = await t.run("OPPORTUNITY", "erp-to-crm");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect((await crmOpportunity("Denver office chairs")).data).toMatchObject({
      parentaccountid: t.accounts[0],
      ownerid: t.users.peter,
    });
  });

  it("should keep the ERP opportunity's company when the CRM opportunity loses its account", async () => {
    await t.h.edit("crm", "opportunities", (await crmOpportunity("Boston lab benches")).id, {
      parentaccountid: null,
      name: "Boston lab benches, phase 1",
    });
    const { passes } = await t.run("OPPORTUNITY", "crm-to-erp");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    expect((await erpOpportunityNamed("Boston lab benches, phase 1")).data.contactCompanyNumber).toBe(t.companies[1]);
  });

  it("should fail the CRM opportunity naming its account when the account is no customer's in the ERP", async () => {
    const [litware] = await t.h.seed("crm", "accounts", [
      { name: "Litware, Inc.", customertypecode: 3, statecode: 0, statuscode: 1 },
    ]);
    await t.h.seed("crm", "opportunities", [
      {
        name: "Warehouse office",
        parentaccountid: litware,
        ownerid: t.users.peter,
        "ownerid@target": "systemusers",
        statecode: 0,
        statuscode: 1,
      },
    ]);
    const { passes } = await t.run("OPPORTUNITY", "crm-to-erp");
    expect(passes[0]!.counters).toMatchObject({ inserted: 0, failed: 1 });
    const [error] = await t.h.errorsOf(passes[0]!.jobId);
    expect(error).toMatchObject({ code: "LOOKUP_NOT_COUPLED" });
    expect(error!.message).toContain('"Litware, Inc."');
  });
});
