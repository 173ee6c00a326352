import { describe, expect, it } from "vitest";
import { compileGraph } from "../../compile/compile";
import { bcSalesTemplateGraph, TEMPLATE_CATALOGS } from ".";

const config = compileGraph(bcSalesTemplateGraph(), { catalogs: TEMPLATE_CATALOGS }).config!;
const mapping = (name: string) => config.mappings.find((m) => m.name === name)!;

/**
 * Reference §5.1: "Only cpl" per mapping, and under "More defaults" the mappings that create on no match and sync
 * after coupling (currencies, the option mappings, unit groups — our UNIT OF MEASURE is one unit group per unit).
 * `null`: the mapping has no match-based coupling at all.
 */
const DEFAULTS: [
  name: string,
  onlyCoupled: boolean,
  createIfNoMatch: boolean | null,
  syncAfterCoupling: boolean | null,
][] = [
  ["SALESPEOPLE", true, false, false],
  ["CURRENCY", true, true, true],
  ["UNIT OF MEASURE", true, true, true],
  ["PAYMENT TERMS", true, true, true],
  ["SHIPMENT METHOD", true, true, true],
  ["SHIPPING AGENT", true, true, true],
  ["CUSTOMER", true, false, false],
  ["CONTACT", true, false, false],
  ["ITEM-PRODUCT", true, false, false],
  ["RESOURCE-PRODUCT", true, false, false],
  ["CUSTPRCGRP-PRICE", true, false, false],
  ["SALESPRC-PRODPRICE", false, null, null],
  ["OPPORTUNITY", false, null, null],
  ["POSTEDSALESINV-INV", true, null, null],
  ["POSTEDSALESLINE-INV", false, null, null],
  ["SALESORDER-ORDER", true, null, null],
];

describe("the template's coupling defaults (reference §5.1)", () => {
  it("should list every mapping of the template", () => {
    expect(DEFAULTS.map(([name]) => name).sort()).toEqual(config.mappings.map((m) => m.name).sort());
  });

  it.each(DEFAULTS)(
    "should give %s only-coupled=%s, create-if-no-match=%s, sync-after-coupling=%s",
    (name, onlyCoupled, createIfNoMatch, syncAfterCoupling) => {
      const found = mapping(name);
      expect(found.syncOnlyCoupled).toBe(onlyCoupled);
      expect(found.match?.createIfNoMatch ?? null).toBe(createIfNoMatch);
      expect(found.match?.syncAfterCoupling ?? null).toBe(syncAfterCoupling);
    },
  );
});
