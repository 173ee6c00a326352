import { describe, expect, it } from "vitest";
import { compileGraph } from "@/lib/mapping/compile/compile";
import { GRAPH_SCHEMA_VERSION, type MappingGraph } from "@/lib/mapping/graph/graph";
import { findEntity } from "@/lib/mapping/model/catalog";
import { bcSalesTemplateGraph } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { addDependency, addEntity, addFilter } from "./add-nodes";
import { addConstant } from "./add-constant";
import { connect, ENTITY_HANDLE } from "./connect-fields";
import { removeElements } from "./remove-elements";
import { applySuggestedDependencies, suggestDependencies } from "./suggest-dependencies";
import { updateFieldEdge, updateTableMapping } from "./update-elements";

const empty = (): MappingGraph => ({ schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] });

function customersAndAccounts() {
  let graph = empty();
  const erp = addEntity(graph, "erp", findEntity(STATIC_CATALOGS.erp, "customers")!);
  graph = erp.graph;
  const crm = addEntity(graph, "crm", findEntity(STATIC_CATALOGS.crm, "accounts")!);
  return { graph: crm.graph, erp: erp.id, crm: crm.id };
}

describe("designer graph operations", () => {
  it("should create a bidirectional table mapping named after both entities when two headers are connected", () => {
    const { graph, erp, crm } = customersAndAccounts();
    const result = connect(graph, {
      source: erp,
      sourceHandle: ENTITY_HANDLE,
      target: crm,
      targetHandle: ENTITY_HANDLE,
    });
    expect(result.kind).toBe("table-mapping");
    const table = result.graph.nodes.find((n) => n.id === result.id);
    expect(table).toMatchObject({
      type: "table-mapping",
      data: { name: "CUSTOMERS-ACCOUNTS", erpNode: erp, crmNode: crm, direction: "bidirectional" },
    });
  });

  it("should store a field mapping ERP to CRM when the drag started on the CRM side", () => {
    const { graph, erp, crm } = customersAndAccounts();
    const result = connect(graph, { source: crm, sourceHandle: "name", target: erp, targetHandle: "displayName" });
    expect(result.kind).toBe("field");
    expect(result.graph.edges.find((e) => e.id === result.id)).toMatchObject({
      source: erp,
      sourceHandle: "displayName",
      target: crm,
      targetHandle: "name",
    });
    expect(result.graph.nodes.filter((n) => n.type === "table-mapping")).toHaveLength(1);
  });

  it("should not add the same field pair twice when it is connected again", () => {
    const { graph, erp, crm } = customersAndAccounts();
    const once = connect(graph, {
      source: erp,
      sourceHandle: "number",
      target: crm,
      targetHandle: "accountnumber",
    }).graph;
    const twice = connect(once, {
      source: erp,
      sourceHandle: "number",
      target: crm,
      targetHandle: "accountnumber",
    }).graph;
    expect(twice.edges).toHaveLength(1);
  });

  it.each([
    ["two ERP entities", "erp", "erp"],
    ["a header and a field", "header", "field"],
  ])("should refuse a connection when it joins %s", (_case, a, b) => {
    const { graph, erp, crm } = customersAndAccounts();
    const second = addEntity(graph, "erp", findEntity(STATIC_CATALOGS.erp, "items")!);
    const connection =
      a === "erp"
        ? { source: erp, sourceHandle: "number", target: second.id, targetHandle: "number" }
        : { source: erp, sourceHandle: ENTITY_HANDLE, target: crm, targetHandle: "name" };
    expect(connect(second.graph, connection).kind).toBe("none");
    void b;
  });

  it("should compile the graph a consultant draws when headers, fields and a filter are connected", () => {
    const { graph, erp, crm } = customersAndAccounts();
    let g = connect(graph, {
      source: erp,
      sourceHandle: ENTITY_HANDLE,
      target: crm,
      targetHandle: ENTITY_HANDLE,
    }).graph;
    const tableId = g.nodes.find((n) => n.type === "table-mapping")!.id;
    g = updateTableMapping(g, tableId, { name: "CUSTOMER" });
    for (const [e, c] of [
      ["number", "accountnumber"],
      ["displayName", "name"],
      ["phoneNumber", "telephone1"],
    ])
      g = connect(g, { source: erp, sourceHandle: e, target: crm, targetHandle: c }).graph;
    g = addFilter(g, tableId, "erp", {
      kind: "and",
      items: [{ kind: "compare", field: "blocked", op: "eq", value: "_x0020_" }],
    }).graph;
    const compiled = compileGraph(g, { catalogs: STATIC_CATALOGS });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.config?.mappings[0]).toMatchObject({
      name: "CUSTOMER",
      erp: { entity: "customers", filter: { kind: "and", items: [{ kind: "compare", field: "blocked" }] } },
    });
    expect(compiled.config?.mappings[0]?.fields).toHaveLength(3);
  });

  it("should rename lookups and parents that name a table mapping when it is renamed", () => {
    const template = bcSalesTemplateGraph();
    const salespeople = template.nodes.find((n) => n.type === "table-mapping" && n.data.name === "SALESPEOPLE")!;
    const renamed = updateTableMapping(template, salespeople.id, { name: "SELLERS" });
    expect(renamed.edges.some((e) => e.type === "field" && e.data.lookup?.mapping === "SALESPEOPLE")).toBe(false);
    expect(renamed.edges.some((e) => e.type === "field" && e.data.lookup?.mapping === "SELLERS")).toBe(true);
    expect(
      compileGraph(renamed, { catalogs: STATIC_CATALOGS }).diagnostics.filter((d) => d.severity === "error"),
    ).toEqual([]);
  });

  it("should remove a table mapping's filters, constants, field mappings and dependencies when its entity is removed", () => {
    const template = bcSalesTemplateGraph();
    const customerErp = template.nodes.find((n) => n.id === "erp:CUSTOMER")!;
    const after = removeElements(template, [customerErp.id]);
    expect(
      after.nodes.some(
        (n) => n.id === "tm:CUSTOMER" || n.id.startsWith("filter:CUSTOMER") || n.id.startsWith("const:CUSTOMER:"),
      ),
    ).toBe(false);
    expect(
      after.edges.some(
        (e) =>
          e.source === "tm:CUSTOMER" ||
          e.target === "tm:CUSTOMER" ||
          (e.type === "field" && e.data.mapping === "tm:CUSTOMER"),
      ),
    ).toBe(false);
    const diagnostics = compileGraph(after, { catalogs: STATIC_CATALOGS }).diagnostics;
    expect(diagnostics.filter((d) => d.code === "GRAPH_DANGLING_REFERENCE")).toEqual([]);
  });

  it("should suggest a dependency when a lookup resolves through a mapping that is not one yet", () => {
    const template = bcSalesTemplateGraph();
    const withoutDeps = { ...template, edges: template.edges.filter((e) => e.type !== "dependency") };
    const suggestions = suggestDependencies(withoutDeps);
    expect(suggestions.some((s) => s.from === "tm:SALESPEOPLE" && s.to === "tm:CUSTOMER")).toBe(true);
    const restored = applySuggestedDependencies(withoutDeps);
    expect(
      compileGraph(restored, { catalogs: STATIC_CATALOGS }).diagnostics.filter(
        (d) => d.code === "LOOKUP_NOT_A_DEPENDENCY",
      ),
    ).toEqual([]);
  });

  it("should write a constant into a CRM field when one is added to a table mapping", () => {
    const { graph, erp, crm } = customersAndAccounts();
    let g = connect(graph, { source: erp, sourceHandle: "number", target: crm, targetHandle: "accountnumber" }).graph;
    const tableId = g.nodes.find((n) => n.type === "table-mapping")!.id;
    g = updateTableMapping(g, tableId, { direction: "erp-to-crm" });
    g = updateFieldEdge(g, g.edges[0]!.id, { direction: "erp-to-crm" });
    g = addConstant(g, tableId, "crm", "customertypecode", 3).graph;
    const compiled = compileGraph(g, { catalogs: STATIC_CATALOGS });
    expect(compiled.config?.mappings[0]?.fields).toContainEqual(
      expect.objectContaining({ crm: "customertypecode", constant: 3 }),
    );
  });

  it("should ignore a dependency when it would join a mapping to itself", () => {
    const template = bcSalesTemplateGraph();
    expect(addDependency(template, "tm:CUSTOMER", "tm:CUSTOMER").graph).toBe(template);
  });
});
