import { describe, expect, it } from "vitest";
import { compileGraph } from "../../compile/compile";
import { toODataFilter } from "../../filter/odata-filter";
import { findEntity, findField } from "../../model/catalog";
import type { Direction } from "../../model/direction";
import type { TableMapping } from "../../model/table-mapping";
import { bcSalesTemplateGraph, TEMPLATE_CATALOGS } from ".";

const result = compileGraph(bcSalesTemplateGraph(), { catalogs: TEMPLATE_CATALOGS });
const config = result.config!;
const mapping = (name: string) => config.mappings.find((m) => m.name === name)!;

/** Reference §5.1: direction, the dependencies it lists, and Synch. Only Coupled Records. */
const REFERENCE: [string, Direction, string[], boolean][] = [
  ["SALESPEOPLE", "crm-to-erp", [], true],
  [
    "CUSTOMER",
    "bidirectional",
    ["SALESPEOPLE", "CURRENCY", "PAYMENT TERMS", "SHIPMENT METHOD", "SHIPPING AGENT"],
    true,
  ],
  ["CONTACT", "bidirectional", ["CUSTOMER"], true],
  ["CURRENCY", "erp-to-crm", [], true],
  ["UNIT OF MEASURE", "erp-to-crm", [], true],
  ["ITEM-PRODUCT", "bidirectional", ["UNIT OF MEASURE"], true],
  ["RESOURCE-PRODUCT", "bidirectional", ["UNIT OF MEASURE"], true],
  ["CUSTPRCGRP-PRICE", "erp-to-crm", ["CURRENCY", "ITEM-PRODUCT"], true],
  ["SALESPRC-PRODPRICE", "erp-to-crm", ["CUSTPRCGRP-PRICE", "ITEM-PRODUCT"], false],
  ["OPPORTUNITY", "bidirectional", ["CONTACT"], false],
  ["POSTEDSALESINV-INV", "erp-to-crm", ["ITEM-PRODUCT", "RESOURCE-PRODUCT", "OPPORTUNITY"], true],
  ["POSTEDSALESLINE-INV", "erp-to-crm", ["POSTEDSALESINV-INV"], false],
  ["SALESORDER-ORDER", "erp-to-crm", ["ITEM-PRODUCT", "RESOURCE-PRODUCT", "OPPORTUNITY"], true],
  ["PAYMENT TERMS", "erp-to-crm", [], true],
  ["SHIPMENT METHOD", "erp-to-crm", [], true],
  ["SHIPPING AGENT", "erp-to-crm", [], true],
];

describe("Business Central ↔ Sales template", () => {
  it("should compile with no diagnostics at all against the static catalogs", () => {
    expect(result.diagnostics).toEqual([]);
    expect(config.version).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should hold exactly the 16 mappings of the reference", () => {
    expect(config.mappings.map((m) => m.name).sort()).toEqual(REFERENCE.map(([name]) => name).sort());
  });

  it.each(REFERENCE)(
    "should give %s direction %s, its reference dependencies and only-coupled=%s",
    (name, direction, dependsOn, onlyCoupled) => {
      const found = mapping(name);
      expect(found.direction).toBe(direction);
      expect(found.dependsOn).toEqual(expect.arrayContaining(dependsOn));
      expect(found.syncOnlyCoupled).toBe(onlyCoupled);
    },
  );

  it("should list every mapping after all it depends on", () => {
    const position = new Map(config.mappings.map((m, i) => [m.name, i]));
    for (const m of config.mappings)
      for (const dependency of m.dependsOn) expect(position.get(dependency)!).toBeLessThan(position.get(m.name)!);
  });

  it.each<[string, "erp" | "crm", string]>([
    ["CUSTOMER", "erp", "blocked eq '_x0020_'"],
    ["CUSTOMER", "crm", "statecode eq 0 and customertypecode eq 3"],
    ["SALESPEOPLE", "crm", "isdisabled eq false and islicensed eq true and isintegrationuser eq false"],
    ["CONTACT", "erp", "type eq 'Person' and companyNumber ne ''"],
    ["CONTACT", "crm", "_parentcustomerid_value ne null and statecode eq 0"],
    ["ITEM-PRODUCT", "crm", "producttypecode eq 1 and statecode eq 0"],
    ["RESOURCE-PRODUCT", "crm", "producttypecode eq 3 and statecode eq 0"],
    ["SALESPRC-PRODPRICE", "erp", "salesType eq 'Customer_x0020_Price_x0020_Group' and salesCode ne ''"],
    ["OPPORTUNITY", "erp", "status eq 'Not_x0020_Started' or status eq 'In_x0020_Progress'"],
    ["SALESORDER-ORDER", "erp", "status eq 'Open'"],
  ])("should filter %s on the %s side like the reference", (name, side, expected) => {
    const m: TableMapping = mapping(name);
    const entity = findEntity(TEMPLATE_CATALOGS[side], m[side].entity);
    const dialect = side === "erp" ? "business-central" : "dataverse";
    expect(toODataFilter(m[side].filter!, { dialect, field: (field) => findField(entity, field) })).toBe(expected);
  });

  it("should couple currencies by ISO code and create the missing ones", () => {
    expect(mapping("CURRENCY").match).toEqual({
      groups: [{ priority: 0, fields: [{ erp: "code", crm: "isocurrencycode", caseSensitive: false }] }],
      createIfNoMatch: true,
      syncAfterCoupling: true,
    });
  });

  it("should resolve the account owner through the salespeople's couplings", () => {
    expect(mapping("CUSTOMER").fields).toContainEqual(
      expect.objectContaining({
        erp: "salespersonCode",
        crm: "ownerid",
        direction: "erp-to-crm",
        lookup: { mapping: "SALESPEOPLE", erpKey: "code", notNull: true },
      }),
    );
  });

  it("should name only entities and fields the static catalogs have", () => {
    for (const m of config.mappings) {
      for (const side of ["erp", "crm"] as const) {
        const entity = findEntity(TEMPLATE_CATALOGS[side], m[side].entity);
        expect(entity, `${m.name} ${side}`).toBeDefined();
        for (const f of m.fields)
          if (f[side]) expect(findField(entity, f[side]!), `${m.name} ${f[side]}`).toBeDefined();
      }
    }
  });
});
