import { describe, expect, it } from "vitest";
import { modelToGraph } from "../graph/model-to-graph";
import type { MappingGraph } from "../graph/graph";
import { TEST_CATALOGS, validMappings } from "../test/fixtures";
import { compileGraph, compileModel, serializeConfig } from "./compile";
import { dependencyOrder } from "./dependency-order";

const graph = () => modelToGraph({ mappings: validMappings() });
const compile = (input: unknown) => compileGraph(input, { catalogs: TEST_CATALOGS });

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 9301 + 49297) % 233280;
    const j = Math.floor((seed / 233280) * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("compile", () => {
  it("should give byte-identical JSON when the same graph is compiled twice", () => {
    const a = compile(graph());
    const b = compile(graph());
    expect(a.config).toBeDefined();
    expect(serializeConfig(a.config!)).toBe(serializeConfig(b.config!));
  });

  it("should give the same version when only order, positions and UI data differ", () => {
    const original = graph();
    const noisy = {
      ...original,
      nodes: shuffled(original.nodes, 7).map((node) => ({
        ...node,
        position: { x: 999, y: -5 },
        selected: true,
        data: { ...node.data, _hovering: true },
      })),
      edges: shuffled(original.edges, 3).map((edge) => ({ ...edge, animated: true, style: { stroke: "red" } })),
      viewport: { x: 10, y: 10, zoom: 2 },
    };
    expect(compile(noisy).config!.version).toBe(compile(original).config!.version);
  });

  it("should give the same version when filter nodes, match groups or empty lists are written differently", () => {
    const base = graph();
    const extraFilter = {
      id: "filter:CUSTOMER:erp:2",
      type: "filter" as const,
      position: { x: 0, y: 0 },
      data: {
        mapping: "tm:CUSTOMER",
        side: "erp" as const,
        filter: { kind: "compare" as const, field: "active", op: "eq" as const, value: true },
      },
    };
    const withFilters = (order: "ab" | "ba") => {
      const g = structuredClone(base);
      const index = g.nodes.findIndex((n) => n.id === "filter:CUSTOMER:erp");
      if (order === "ab") g.nodes.splice(index + 1, 0, extraFilter);
      else g.nodes.splice(index, 0, extraFilter);
      return g;
    };
    expect(compile(withFilters("ab")).config!.version).toBe(compile(withFilters("ba")).config!.version);

    const groups = (reverse: boolean) => {
      const g = structuredClone(base);
      const tm = g.nodes.find((n) => n.id === "tm:CUSTOMER");
      if (tm?.type === "table-mapping") {
        const list = [
          { priority: 1, fields: [{ erp: "displayName", crm: "name", caseSensitive: false }] },
          { priority: 0, fields: [{ erp: "number", crm: "accountnumber", caseSensitive: false }] },
        ];
        tm.data.match = { groups: reverse ? list.reverse() : list, createIfNoMatch: false, syncAfterCoupling: false };
      }
      return g;
    };
    expect(compile(groups(true)).config!.version).toBe(compile(groups(false)).config!.version);

    const emptyTransforms = structuredClone(base);
    const edge = emptyTransforms.edges.find((e) => e.id === "field:CUSTOMER:1");
    if (edge?.type === "field") edge.data.transforms = [];
    expect(compile(emptyTransforms).config!.version).toBe(compile(base).config!.version);
  });

  it("should keep a __proto__ key as data when hashing", () => {
    const mappings = validMappings();
    const withProto = structuredClone(mappings);
    withProto[2]!.defaultsOnCreate = JSON.parse('{"crm":{"__proto__":"x"}}');
    const plain = compileModel({ mappings }).config!.version;
    expect(compileModel({ mappings: withProto }).config!.version).not.toBe(plain);
  });

  it("should change the version when a transform changes", () => {
    const changed = graph();
    const edge = changed.edges.find((e) => e.id === "field:CUSTOMER:1");
    if (edge?.type === "field") edge.data.transforms = [{ type: "default-if-empty", value: 0 }];
    expect(compile(changed).config!.version).not.toBe(compile(graph()).config!.version);
  });

  it("should list mappings in dependency order with ties by name", () => {
    expect(compile(graph()).config!.mappings.map((m) => m.name)).toEqual(["CURRENCY", "SALESPEOPLE", "CUSTOMER"]);
    const order = dependencyOrder([
      { name: "D", dependsOn: ["B", "C"] },
      { name: "C", dependsOn: ["A"] },
      { name: "B", dependsOn: ["A"] },
      { name: "A", dependsOn: [] },
      { name: "E", dependsOn: [] },
    ]);
    expect(order.map((m) => m.name)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("should refuse to produce a config when an error diagnostic remains", () => {
    const broken = graph();
    const dependency = broken.edges.find((e) => e.type === "dependency" && e.target === "tm:CUSTOMER");
    broken.edges = broken.edges.filter((e) => e !== dependency);
    const result = compile(broken);
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("LOOKUP_NOT_A_DEPENDENCY");
  });

  it("should keep warnings and still compile when only warnings remain", () => {
    const mappings = validMappings();
    delete mappings[2]!.fields[0]!.transforms;
    const result = compileModel({ mappings }, { catalogs: TEST_CATALOGS });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["TRUNCATION_RISK"]);
    expect(result.config).toBeDefined();
  });

  it("should yield the same hash when a graph goes to config, back to a graph and to config again", () => {
    const first = compile(graph()).config!;
    const again = compile(modelToGraph(first)).config!;
    expect(again.version).toBe(first.version);
    expect(serializeConfig(again)).toBe(serializeConfig(first));
  });

  it("should lay the graph out in ERP, mapping and CRM columns when rebuilding it from a config", () => {
    const rebuilt: MappingGraph = modelToGraph(compile(graph()).config!);
    const x = (id: string) => rebuilt.nodes.find((n) => n.id === id)!.position.x;
    expect(x("erp:CUSTOMER")).toBeLessThan(x("tm:CUSTOMER"));
    expect(x("tm:CUSTOMER")).toBeLessThan(x("crm:CUSTOMER"));
    const lanes = ["CURRENCY", "SALESPEOPLE", "CUSTOMER"].map(
      (name) => rebuilt.nodes.find((n) => n.id === `tm:${name}`)!.position.y,
    );
    expect(new Set(lanes).size).toBe(3);
  });
});
