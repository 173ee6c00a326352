import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./capture-cli";

const run = runCli;

describe("tandem template / validate / compile", () => {
  let dir: string;
  const file = (name: string, content: string) => {
    const full = path.join(dir, name);
    fs.writeFileSync(full, content);
    return full;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-mapping-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("should print the template's runtime config with its 16 mappings", async () => {
    const { code, out } = await run("template", "bc-sales");
    expect(code).toBe(0);
    const config = JSON.parse(out);
    expect(config.mappings).toHaveLength(16);
    expect(config.version).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should compile the template's graph to the same config as the template command prints", async () => {
    const graph = file("graph.json", (await run("template", "bc-sales", "--graph")).out);
    const compiled = await run("compile", graph);
    expect(compiled.code).toBe(0);
    expect(compiled.out).toBe((await run("template", "bc-sales")).out);
  });

  it("should say no problems and exit 0 when validating the template", async () => {
    const graph = file("ok.json", (await run("template", "bc-sales", "--graph")).out);
    expect(await run("validate", graph)).toMatchObject({ code: 0, out: "No problems found.\n" });
    expect(JSON.parse((await run("validate", graph, "--json")).out)).toEqual([]);
  });

  it("should print diagnostics and exit 1 when the graph has errors", async () => {
    const graph = JSON.parse((await run("template", "bc-sales", "--graph")).out);
    const edge = graph.graph.edges.find(
      (e: { type: string; targetHandle?: string }) => e.type === "field" && e.targetHandle === "creditlimit",
    );
    edge.targetHandle = "statecode";
    const broken = file("broken.json", JSON.stringify(graph));
    const text = await run("validate", broken);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(
      /error\s+TYPE_MISMATCH\s+CUSTOMER mappings\[\d+\]\.fields\[\d+\]: creditLimit ↔ statecode/,
    );
    const json = JSON.parse((await run("validate", broken, "--json")).out);
    expect(json).toContainEqual(
      expect.objectContaining({ code: "TYPE_MISMATCH", severity: "error", mapping: "CUSTOMER", edgeId: edge.id }),
    );
    const compiled = await run("compile", broken);
    expect(compiled).toMatchObject({ code: 1, out: "" });
    expect(compiled.err).toMatch(/TYPE_MISMATCH/);
  });

  it.each([
    ["malformed JSON", "{ nope", /not valid JSON/],
    [
      "a newer schema version",
      JSON.stringify({ kind: "tandem.mapping-graph", schemaVersion: 9, graph: {} }),
      /schemaVersion is 9/,
    ],
  ])("should exit 2 with a clear message when the file holds %s", async (_label, content, message) => {
    const result = await run("validate", file("bad.json", content));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it("should exit 1 and say so when the file does not exist", async () => {
    const result = await run("validate", path.join(dir, "missing.json"));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Cannot read .*missing\.json: ENOENT/);
  });

  it("should refuse an unknown template name", async () => {
    const result = await run("template", "sap-salesforce");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/No template "sap-salesforce"; available: bc-sales/);
  });
});
