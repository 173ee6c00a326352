import { describe, expect, it } from "vitest";
import { modelToGraph } from "@/lib/mapping/graph/model-to-graph";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { designerHref, findElement } from "./find-element";

describe("findElement", () => {
  const graph = modelToGraph(bcSalesTemplateModel());
  it.each([
    ["a mapping", { mapping: "CUSTOMER" }, true, false],
    ["a mapping's CRM field", { mapping: "CUSTOMER", field: "name" }, true, true],
    ["a mapping's ERP field", { mapping: "CUSTOMER", field: "displayName" }, true, true],
    ["an unknown field of a known mapping", { mapping: "CUSTOMER", field: "nope" }, true, false],
  ])("should find %s when the link names it", (_what, link, mapping, edge) => {
    const found = findElement(graph, link);
    expect(Boolean(found?.mappingNodeId)).toBe(mapping);
    expect(Boolean(found?.edgeId)).toBe(edge);
  });

  it("should find nothing when the mapping is not on the canvas", () => {
    expect(findElement(graph, { mapping: "NOPE" })).toBeNull();
  });

  it("should encode the mapping and field when it builds a link", () => {
    expect(designerHref({ mapping: "SALESPRC-PRODPRICE", field: "a b" })).toBe(
      "/designer?mapping=SALESPRC-PRODPRICE&field=a+b",
    );
  });
});
