import { describe, expect, it } from "vitest";
import { TableMappingSchema } from "@/lib/mapping/model/table-mapping";
import { simpleCustomer } from "../test/simple-mappings";
import { driftedFields } from "./drifted-fields";
import { NO_LOOKUPS } from "./lookup-outcome";

const erp = { displayName: "Contoso", email: "a@contoso.example", city: "Oslo", creditLimit: 100, phoneNumber: "1" };
const crm = {
  name: "Contoso",
  emailaddress1: "a@contoso.example",
  address1_city: "Oslo",
  creditlimit: 100,
  telephone1: "1",
};
const lookups = { "erp-to-crm": NO_LOOKUPS, "crm-to-erp": NO_LOOKUPS };
const targets = { "erp-to-crm": undefined, "crm-to-erp": undefined };

describe("driftedFields", () => {
  const cases: {
    when: string;
    direction?: "erp-to-crm" | "bidirectional";
    erp?: object;
    crm?: object;
    fields: string[];
  }[] = [
    { when: "both sides hold the mapped values", fields: [] },
    { when: "a two-way field differs (counted once)", crm: { name: "Contoso Ltd" }, fields: ["crm.name"] },
    { when: "an ERP-to-CRM field differs", crm: { creditlimit: 5 }, fields: ["crm.creditlimit"] },
    { when: "a CRM-to-ERP field differs", erp: { phoneNumber: "2" }, fields: ["erp.phoneNumber"] },
    {
      when: "the mapping carries one way and only the other way's field differs",
      direction: "erp-to-crm",
      erp: { phoneNumber: "2" },
      fields: [],
    },
    { when: "an unmapped field differs", crm: { description: "other" }, fields: [] },
    { when: "a number differs only in form", crm: { creditlimit: "100" }, fields: [] },
  ];
  it.each(cases)("should report $fields when $when", async (c) => {
    const mapping = TableMappingSchema.parse(simpleCustomer(c.direction ? { direction: c.direction } : {}));
    const drift = await driftedFields({
      mapping,
      erp: { ...erp, ...c.erp },
      crm: { ...crm, ...c.crm },
      lookups,
      targets,
    });
    expect(drift).toEqual({ ok: true, fields: c.fields });
  });
});
