import { describe, expect, it } from "vitest";
import type { TableMappingInput } from "@/lib/mapping/model/table-mapping";
import type { RecordCase } from "../model/record-plan";
import { AFTER, BEFORE, coupling, customerMapping, record, tableLookups } from "../test/decide-fixtures";
import { decideRecord, type DecideOptions } from "./decide-record";
import { NO_LOOKUPS } from "./lookup-outcome";

const erp = (modifiedOn: string | null, values: Record<string, unknown>) => record("e1", modifiedOn, values);
const crm = (modifiedOn: string | null, values: Record<string, unknown>) => record("a1", modifiedOn, values);

function coupled(source: RecordCase["source"], destination: RecordCase["destination"], state = {}): RecordCase {
  return { source, coupling: coupling(state), destination, destinationMissing: destination === null, retry: false };
}
const uncoupled = (source: RecordCase["source"]): RecordCase => ({
  source,
  coupling: null,
  destination: null,
  destinationMissing: false,
  retry: false,
});

async function decide(
  record: RecordCase,
  overrides: Partial<TableMappingInput> = {},
  options: DecideOptions = {},
  lookups = NO_LOOKUPS,
) {
  return decideRecord({ mapping: customerMapping(overrides), flow: "erp-to-crm", record, lookups, options });
}

describe("decideRecord", () => {
  it("should skip the record when its coupling is marked skipped", async () => {
    expect((await decide(coupled(erp(AFTER, {}), crm(BEFORE, {}), { skipped: true }))).action).toBe("skip");
  });

  it("should ignore an uncoupled record when the mapping syncs only coupled records", async () => {
    expect((await decide(uncoupled(erp(AFTER, { displayName: "A" })), { syncOnlyCoupled: true })).action).toBe(
      "ignore",
    );
  });

  it("should insert with the defaults on create underneath the mapped values when the record is uncoupled", async () => {
    const plan = await decide(uncoupled(erp(AFTER, { displayName: "Adatum", creditLimit: 5 })), {
      defaultsOnCreate: { crm: { customertypecode: 3, name: "x" } },
    });
    expect(plan).toMatchObject({ action: "insert", values: { customertypecode: 3, name: "Adatum", creditlimit: 5 } });
  });

  it("should insert an uncoupled record when one-off work creates it although the mapping syncs only coupled ones", async () => {
    expect(
      (await decide(uncoupled(erp(AFTER, { displayName: "A" })), { syncOnlyCoupled: true }, { createUncoupled: true }))
        .action,
    ).toBe("insert");
  });

  it("should report unchanged when the source did not change since the last sync", async () => {
    expect(await decide(coupled(erp(BEFORE, { displayName: "New" }), crm(BEFORE, { name: "Old" })))).toEqual({
      action: "unchanged",
      bothModified: false,
    });
  });

  it("should write only the fields whose value differs when the source changed", async () => {
    const plan = await decide(
      coupled(erp(AFTER, { displayName: "Same", creditLimit: 7 }), crm(BEFORE, { name: "Same", creditlimit: 5 })),
    );
    expect(plan).toMatchObject({ action: "modify", values: { creditlimit: 7 } });
  });

  it("should report unchanged when the source changed but every field already matches", async () => {
    expect(
      (
        await decide(
          coupled(erp(AFTER, { displayName: "Same", creditLimit: 5 }), crm(BEFORE, { name: "Same", creditlimit: 5 })),
        )
      ).action,
    ).toBe("unchanged");
  });

  it("should retry a record whose last pass failed although it did not change", async () => {
    const plan = await decide({
      ...coupled(erp(BEFORE, { displayName: "New" }), crm(BEFORE, { name: "Old" }), { lastResultCrm: "failure" }),
    });
    expect(plan.action).toBe("modify");
  });

  it("should write even an unchanged source when one-off work forces it", async () => {
    expect(
      (await decide(coupled(erp(BEFORE, { displayName: "New" }), crm(BEFORE, { name: "Old" })), {}, { force: true }))
        .action,
    ).toBe("modify");
  });
});

describe("update conflicts", () => {
  const bothChanged = () =>
    coupled(erp(AFTER, { displayName: "ERP name", creditLimit: 9 }), crm(AFTER, { name: "CRM name", creditlimit: 5 }));

  it("should not see a conflict when both records changed but only a one-way field differs", async () => {
    const plan = await decide(
      coupled(erp(AFTER, { displayName: "Same", creditLimit: 9 }), crm(AFTER, { name: "Same", creditlimit: 5 })),
    );
    expect(plan).toMatchObject({ action: "modify", values: { creditlimit: 9 }, bothModified: true });
  });

  it("should fail the record naming the field when both changed, a bidirectional field differs and the policy is fail", async () => {
    const plan = await decide(bothChanged());
    expect(plan).toMatchObject({ action: "fail", error: { code: "UPDATE_CONFLICT" } });
    expect(plan.action === "fail" && plan.error.message).toContain("displayName and name is bidirectional");
  });

  it("should write the ERP values in the ERP-to-CRM pass when the ERP wins", async () => {
    expect(await decide(bothChanged(), { conflicts: { update: "erp-wins", delete: "fail" } })).toMatchObject({
      action: "modify",
      conflict: { resolution: "erp-wins" },
    });
  });

  it("should skip the ERP-to-CRM pass when the CRM wins", async () => {
    expect((await decide(bothChanged(), { conflicts: { update: "crm-wins", delete: "fail" } })).action).toBe("skip");
  });

  it("should queue the conflict without writing when the policy is queue", async () => {
    expect(await decide(bothChanged(), { conflicts: { update: "queue", delete: "fail" } })).toMatchObject({
      action: "skip",
      conflict: { resolution: "queued" },
    });
  });
});

describe("deletion conflicts", () => {
  const gone = () => coupled(erp(AFTER, { displayName: "A" }), null);

  it.each([
    ["fail", "fail"],
    ["restore", "insert"],
    ["uncouple", "uncouple"],
  ] as const)("should %s when the coupled destination was deleted and that is the policy", async (policy, action) => {
    expect((await decide(gone(), { conflicts: { update: "fail", delete: policy } })).action).toBe(action);
  });
});

describe("lookups and value maps", () => {
  const lookupMapping = (lookup: object): Partial<TableMappingInput> => ({
    fields: [
      { erp: "displayName", crm: "name", direction: "bidirectional" },
      {
        erp: "salespersonCode",
        crm: "ownerid",
        direction: "erp-to-crm",
        lookup: { mapping: "SALESPEOPLE", ...lookup },
      },
    ],
  });

  it("should write the coupled record when the lookup is coupled", async () => {
    const plan = await decide(
      uncoupled(erp(AFTER, { displayName: "A", salespersonCode: "JO" })),
      lookupMapping({}),
      {},
      tableLookups({ "SALESPEOPLE:JO": { id: "u1", entity: "systemusers" } }),
    );
    expect(plan).toMatchObject({ action: "insert", values: { ownerid: { id: "u1", entity: "systemusers" } } });
  });

  it("should fail the record when the lookup is not coupled", async () => {
    const plan = await decide(
      uncoupled(erp(AFTER, { displayName: "A", salespersonCode: "JR" })),
      lookupMapping({}),
      {},
      tableLookups({}),
    );
    expect(plan).toMatchObject({
      action: "fail",
      error: { code: "LOOKUP_NOT_COUPLED", message: "SALESPEOPLE JR is not coupled" },
    });
  });

  it("should write a blank reference when the lookup is not coupled and clear-on-failed is set", async () => {
    const plan = await decide(
      uncoupled(erp(AFTER, { displayName: "A", salespersonCode: "JR" })),
      lookupMapping({ clearOnFailed: true }),
      {},
      tableLookups({}),
    );
    expect(plan).toMatchObject({ action: "insert", values: { ownerid: null } });
  });

  it("should leave the field alone when the reference would be blank and not-null is set", async () => {
    const plan = await decide(
      coupled(erp(AFTER, { displayName: "A", salespersonCode: "" }), crm(BEFORE, { name: "A", ownerid: "u9" })),
      lookupMapping({ notNull: true }),
    );
    expect(plan.action).toBe("unchanged");
  });

  const optionMap: Partial<TableMappingInput> = {
    fields: [
      { erp: "displayName", crm: "name", direction: "bidirectional" },
      {
        erp: "shipmentMethodCode",
        crm: "address1_freighttermscode",
        direction: "erp-to-crm",
        valueMap: {
          pairs: [
            ["FOB", 1],
            ["NOCHARGE", 2],
          ],
          onMissing: "blank",
        },
      },
    ],
  };
  it.each<[string, RecordCase, Record<string, unknown>]>([
    [
      "the record is created",
      uncoupled(erp(AFTER, { displayName: "A", shipmentMethodCode: "EXW" })),
      { name: "A", address1_freighttermscode: null },
    ],
    [
      "the record is updated",
      coupled(
        erp(AFTER, { displayName: "A", shipmentMethodCode: "EXW" }),
        crm(BEFORE, { name: "A", address1_freighttermscode: 1 }),
      ),
      { address1_freighttermscode: null },
    ],
  ])(
    "should write a blank for a value with no pair in the value map when unmatched values go blank and %s",
    async (_when, record, values) => {
      const plan = await decide(record, optionMap);
      expect(plan.action === "insert" || plan.action === "modify" ? plan.values : plan).toEqual(values);
    },
  );

  it("should write create-only fields on insert and never on update", async () => {
    const mapping: Partial<TableMappingInput> = {
      fields: [
        { erp: "displayName", crm: "name", direction: "bidirectional" },
        { erp: "number", crm: "accountnumber", direction: "erp-to-crm", createOnly: true },
      ],
    };
    expect(await decide(uncoupled(erp(AFTER, { displayName: "A", number: "10000" })), mapping)).toMatchObject({
      values: { accountnumber: "10000" },
    });
    expect(
      (
        await decide(
          coupled(erp(AFTER, { displayName: "A", number: "2" }), crm(BEFORE, { name: "A", accountnumber: "1" })),
          mapping,
        )
      ).action,
    ).toBe("unchanged");
  });

  it("should write a constant into its side when the record is created", async () => {
    const mapping: Partial<TableMappingInput> = {
      fields: [
        { erp: "displayName", crm: "name", direction: "bidirectional" },
        { crm: "customertypecode", constant: 3, direction: "erp-to-crm" },
      ],
    };
    expect(await decide(uncoupled(erp(AFTER, { displayName: "A" })), mapping)).toMatchObject({
      values: { customertypecode: 3 },
    });
  });
});
