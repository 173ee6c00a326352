import { describe, expect, it } from "vitest";
import { f } from "../model/filter";
import { TableMappingSchema, type TableMapping, type TableMappingInput } from "../model/table-mapping";
import { diffConfigs } from "./config-diff";

const mapping = (over: Partial<TableMappingInput> = {}): TableMapping =>
  TableMappingSchema.parse({
    name: "CUSTOMER",
    erp: { entity: "customers", key: "id", modifiedOn: "lastModifiedDateTime" },
    crm: { entity: "accounts", key: "accountid", modifiedOn: "modifiedon" },
    direction: "bidirectional",
    fields: [
      { erp: "number", crm: "accountnumber", direction: "bidirectional" },
      { erp: "displayName", crm: "name", direction: "bidirectional" },
    ],
    ...over,
  });

const kinds = (previous: TableMapping[] | null, next: TableMapping[]) =>
  diffConfigs(previous ? { mappings: previous } : null, { mappings: next }).changes.map(
    (c) => `${c.area} ${c.kind}${c.subject ? ` ${c.subject}` : ""}`,
  );

describe("diffConfigs", () => {
  it.each([
    ["a mapping is new", null, [mapping()], ["mapping added customers ↔ accounts"]],
    ["a mapping is gone", [mapping()], [], ["mapping removed customers ↔ accounts"]],
    ["nothing changed", [mapping()], [mapping()], []],
    [
      "a field pair is added",
      [mapping()],
      [
        mapping({
          fields: [
            { erp: "number", crm: "accountnumber", direction: "bidirectional" },
            { erp: "displayName", crm: "name", direction: "bidirectional" },
            { erp: "phoneNumber", crm: "telephone1", direction: "erp-to-crm" },
          ],
        }),
      ],
      ["field added phoneNumber ↔ telephone1"],
    ],
    [
      "a field pair is removed",
      [mapping()],
      [mapping({ fields: [{ erp: "number", crm: "accountnumber", direction: "bidirectional" }] })],
      ["field removed displayName ↔ name"],
    ],
    [
      "a transform is added",
      [mapping()],
      [
        mapping({
          fields: [
            { erp: "number", crm: "accountnumber", direction: "bidirectional", transforms: [{ type: "trim" }] },
            { erp: "displayName", crm: "name", direction: "bidirectional" },
          ],
        }),
      ],
      ["transform added number ↔ accountnumber"],
    ],
    [
      "a filter is added",
      [mapping()],
      [
        mapping({
          erp: { entity: "customers", key: "id", modifiedOn: "lastModifiedDateTime", filter: f.eq("blocked", " ") },
        }),
      ],
      ["filter added ERP filter"],
    ],
    [
      "the direction changes",
      [mapping()],
      [
        mapping({
          direction: "erp-to-crm",
          fields: [
            { erp: "number", crm: "accountnumber", direction: "erp-to-crm" },
            { erp: "displayName", crm: "name", direction: "erp-to-crm" },
          ],
        }),
      ],
      [
        "field changed number ↔ accountnumber: direction",
        "field changed displayName ↔ name: direction",
        "setting changed direction",
      ],
    ],
  ])("should report %s", (_case, previous, next, expected) => {
    expect(kinds(previous, next).sort()).toEqual([...expected].sort());
  });

  it("should show the OData text of a changed filter before and after when a filter value changes", () => {
    const before = mapping({ crm: { entity: "accounts", key: "accountid", filter: f.eq("name", "A") } });
    const after = mapping({ crm: { entity: "accounts", key: "accountid", filter: f.eq("name", "B") } });
    const [change] = diffConfigs({ mappings: [before] }, { mappings: [after] }).changes;
    expect(change).toMatchObject({ kind: "changed", area: "filter", before: "name eq 'A'", after: "name eq 'B'" });
  });

  it("should list every touched mapping once when several things in it change", () => {
    const diff = diffConfigs(
      { mappings: [mapping()] },
      { mappings: [mapping({ syncOnlyCoupled: false, schedule: { everyMinutes: 5 } }), mapping({ name: "OTHER" })] },
    );
    expect(diff.mappingsTouched).toEqual(["CUSTOMER", "OTHER"]);
  });
});
