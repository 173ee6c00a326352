import { desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, mappingVersions } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { GRAPH_SCHEMA_VERSION, type MappingGraph } from "@/lib/mapping/graph/graph";
import { bcSalesTemplateGraph } from "@/lib/mapping/template/bc-sales";
import { prepareIntegration } from "@/lib/integration/first-start";
import { getDesigner } from "./get-designer";
import { getVersionDiff, listVersions } from "./list-versions";
import { previewPublish } from "./preview-publish";
import { previewRecord } from "./preview-record";
import { publishDraft } from "./publish-draft";
import { rollbackVersion } from "./rollback-version";
import { saveDraft } from "./save-draft";
import { searchRecords } from "./search-records";

/** The template with one field mapping of CUSTOMER removed and a trim on another: a small, real change. */
function editedTemplate(): MappingGraph {
  const graph = bcSalesTemplateGraph();
  const customerFields = graph.edges.filter(
    (e) =>
      e.type === "field" &&
      e.data.mapping === "tm:CUSTOMER" &&
      e.sourceHandle &&
      e.targetHandle &&
      !e.source.startsWith("const:"),
  );
  const [trimmed, dropped] = customerFields;
  return {
    ...graph,
    edges: graph.edges
      .filter((e) => e.id !== dropped!.id)
      .map((e) =>
        e.id === trimmed!.id && e.type === "field"
          ? { ...e, data: { ...e.data, transforms: [{ type: "trim" as const }] } }
          : e,
      ),
  };
}

describeEachDriver("designer service verbs", (database: () => TestDatabase) => {
  beforeAll(async () => {
    await prepareIntegration(database().db);
  }, 120_000);

  it("should open the published template with the connected catalogs when no draft exists yet", async () => {
    const ctx = await contextAs(database().db, "viewer");
    const snapshot = await getDesigner({ ctx });
    expect(snapshot.draftHash).toBeNull();
    expect(snapshot.published).toMatchObject({ number: 1 });
    expect(snapshot.source).toBe("connections");
    expect(snapshot.graph.nodes.filter((n) => n.type === "table-mapping")).toHaveLength(16);
  });

  it.each([
    ["save a draft", () => saveDraft, { graph: bcSalesTemplateGraph(), baseHash: null }],
    ["publish", () => publishDraft, { draftHash: "0".repeat(64) }],
    ["roll back", () => rollbackVersion, { number: 1 }],
    [
      "preview a record",
      () => previewRecord,
      { graph: bcSalesTemplateGraph(), mapping: "CUSTOMER", side: "erp", recordId: "x" },
    ],
  ])("should refuse a viewer when they try to %s", async (_what, verb, input) => {
    const ctx = await contextAs(database().db, "viewer");
    await expect(verb()({ ctx, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it.each([
    ["no schema version", { nodes: [], edges: [] }],
    ["nodes that are not a list", { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: "x", edges: [] }],
    [
      "a node without a position",
      { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [{ id: "a", type: "entity" }], edges: [] },
    ],
  ])("should refuse a draft with a clear error when it has %s", async (_what, graph) => {
    const ctx = await contextAs(database().db, "consultant");
    await expect(saveDraft({ ctx, input: { graph, baseHash: null } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await database().db.select().from(mappingVersions).where(eq(mappingVersions.status, "draft"))).toHaveLength(
      0,
    );
  });

  it("should save, detect a stale editor, publish with a semantic diff and roll back when consultants work on the draft", async () => {
    const { db } = database();
    const alice = await contextAs(db, "consultant");
    const bob = await contextAs(db, "consultant");

    const first = await saveDraft({ ctx: alice, input: { graph: editedTemplate(), baseHash: null } });
    expect((await getDesigner({ ctx: bob })).draftHash).toBe(first.hash);
    // Bob still holds "no draft": his save must not overwrite Alice's silently.
    await expect(
      saveDraft({ ctx: bob, input: { graph: bcSalesTemplateGraph(), baseHash: null } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const preview = await previewPublish({ ctx: alice, input: { draftHash: first.hash } });
    expect(preview.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(preview.diff.changes.map((c) => `${c.area} ${c.kind}`).sort()).toEqual(["field removed", "transform added"]);
    expect(preview.impact).toEqual([{ mapping: "CUSTOMER", coupledRecords: 0, change: "changed" }]);

    const published = await publishDraft({ ctx: alice, input: { draftHash: first.hash, note: "trim a field" } });
    expect(published).toMatchObject({ number: 2, changes: 2 });
    await expect(publishDraft({ ctx: alice, input: { draftHash: first.hash } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await listVersions({ ctx: bob })).map((v) => v.number)).toEqual([2, 1]);
    expect((await getVersionDiff({ ctx: bob, input: { number: 2 } })).mappingsTouched).toEqual(["CUSTOMER"]);

    const rolledBack = await rollbackVersion({ ctx: alice, input: { number: 1 } });
    expect(rolledBack).toMatchObject({ number: 3, from: 1 });
    const [v1, v3] = await Promise.all(
      [1, 3].map(async (n) => (await db.select().from(mappingVersions).where(eq(mappingVersions.number, n)))[0]!),
    );
    expect(v3!.contentHash).toBe(v1!.contentHash);
    expect((await getDesigner({ ctx: bob })).draftHash).toBe(rolledBack.draftHash);
    const actions = (await db.select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(3)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["mapping.rollback", "mapping.publish"]));
  });

  it("should refuse to publish and name the first problem when the draft has errors", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "consultant");
    const { draftHash } = await getDesigner({ ctx });
    const broken = bcSalesTemplateGraph();
    const edge = broken.edges.find(
      (e) => e.type === "field" && e.data.mapping === "tm:CUSTOMER" && e.targetHandle === "name",
    )!;
    const saved = await saveDraft({
      ctx,
      input: {
        graph: {
          ...broken,
          edges: broken.edges.map((e) => (e.id === edge.id ? { ...e, targetHandle: "creditlimit" } : e)),
        },
        baseHash: draftHash,
      },
    });
    await expect(publishDraft({ ctx, input: { draftHash: saved.hash } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/problem/),
    });
  });

  it("should show what the drawn mapping would write for a real customer without writing anything when a consultant previews it", async () => {
    const ctx = await contextAs(database().db, "consultant");
    const [found] = await searchRecords({ ctx, input: { side: "erp", entity: "customers", query: "Adatum" } });
    expect(found?.label).toMatch(/Adatum/);
    const preview = await previewRecord({
      ctx,
      input: { graph: bcSalesTemplateGraph(), mapping: "CUSTOMER", side: "erp", recordId: found!.id },
    });
    expect(preview.flows.map((f) => f.flow)).toEqual(["erp-to-crm"]);
    const name = preview.flows[0]!.fields.find((f) => f.target === "name");
    expect(name).toMatchObject({ outcome: "write", value: expect.stringMatching(/Adatum/) });
    // The salesperson is not coupled yet (no sync ran): the lookup reports it instead of guessing.
    expect(preview.flows[0]!.fields.some((f) => f.outcome === "error" && /coupled/i.test(f.error ?? ""))).toBe(true);
  });
});
