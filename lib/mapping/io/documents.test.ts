import { describe, expect, it } from "vitest";
import { compileGraph } from "../compile/compile";
import { modelToGraph } from "../graph/model-to-graph";
import { TEST_CATALOGS, validMappings } from "../test/fixtures";
import { exportConfig, exportGraph, importDocument } from "./documents";

const graph = modelToGraph({ mappings: validMappings() });
const config = compileGraph(graph, { catalogs: TEST_CATALOGS }).config!;

describe("import and export", () => {
  it("should read back an exported graph and config unchanged", () => {
    expect(importDocument(exportGraph(graph))).toEqual({ kind: "graph", graph });
    expect(importDocument(exportConfig(config))).toEqual({ kind: "config", config });
  });

  it("should read a bare graph or config without the envelope", () => {
    expect(importDocument(JSON.stringify(graph)).kind).toBe("graph");
    expect(importDocument(JSON.stringify(config)).kind).toBe("config");
  });

  it.each<[string, string, string, RegExp, string | undefined]>([
    ["malformed JSON", '{"kind": "tandem.mapping-graph", ', "MALFORMED_JSON", /not valid JSON/, undefined],
    ["an array", "[]", "UNKNOWN_DOCUMENT", /Expected a JSON object/, undefined],
    ["an unknown kind", '{"kind":"tandem.spreadsheet"}', "UNKNOWN_DOCUMENT", /Unknown document kind/, "kind"],
    [
      "a newer envelope",
      JSON.stringify({ kind: "tandem.mapping-graph", schemaVersion: 2, graph }),
      "FUTURE_VERSION",
      /schemaVersion is 2.*reads schema version 1/,
      "schemaVersion",
    ],
    [
      "a newer bare config",
      JSON.stringify({ ...config, schemaVersion: 3 }),
      "FUTURE_VERSION",
      /schemaVersion is 3/,
      "schemaVersion",
    ],
  ])("should refuse %s with a clear error", (_label, text, code, message, path) => {
    expect(() => importDocument(text)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message), path }),
    );
  });

  it("should read a file that starts with a byte-order mark", () => {
    expect(importDocument(`\uFEFF${exportGraph(graph)}`).kind).toBe("graph");
  });

  it("should refuse absurdly nested input with an error instead of a crash", () => {
    const deep = `{"mappings": ${"[".repeat(3000)}1${"]".repeat(3000)}}`;
    expect(() => importDocument(deep)).toThrow(
      expect.objectContaining({ code: "INVALID_DOCUMENT", message: expect.stringMatching(/nested more than 64/) }),
    );
  });

  it("should name the path of a bad value when importing", () => {
    const bad = structuredClone(graph) as { nodes: { type: string; data: Record<string, unknown> }[] };
    const index = bad.nodes.findIndex((n) => n.type === "table-mapping");
    bad.nodes[index]!.data.direction = "sideways";
    expect(() =>
      importDocument(JSON.stringify({ kind: "tandem.mapping-graph", schemaVersion: 1, graph: bad })),
    ).toThrow(expect.objectContaining({ code: "INVALID_DOCUMENT", path: `graph.nodes[${index}].data.direction` }));
  });

  it("should refuse a config edited by hand when its content no longer matches its version", () => {
    const edited = structuredClone(config);
    edited.mappings[0]!.direction = "bidirectional";
    expect(() => importDocument(exportConfig(edited))).toThrow(
      expect.objectContaining({ code: "HASH_MISMATCH", path: "config.version" }),
    );
  });
});
