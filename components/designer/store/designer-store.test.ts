import { describe, expect, it } from "vitest";
import { bcSalesTemplateGraph } from "@/lib/mapping/template/bc-sales";
import { removeElements } from "../graph-ops/remove-elements";
import { createDesignerStore } from "./create-designer-store";

const template = bcSalesTemplateGraph();
const store = (readOnly = false) => createDesignerStore({ graph: template, readOnly, baseHash: null });

describe("designer store", () => {
  it("should restore a deleted edge on undo and delete it again on redo when history is used", () => {
    const s = store();
    const edge = template.edges.find((e) => e.type === "field")!;
    expect(s.getState().change((g) => removeElements(g, [], [edge.id]))).toBe(true);
    expect(s.getState().graph.edges.some((e) => e.id === edge.id)).toBe(false);
    s.temporal.getState().undo();
    expect(s.getState().graph.edges.some((e) => e.id === edge.id)).toBe(true);
    s.temporal.getState().redo();
    expect(s.getState().graph.edges.some((e) => e.id === edge.id)).toBe(false);
  });

  it("should refuse every graph change and keep no history when the designer is read-only", () => {
    const s = store(true);
    expect(s.getState().change((g) => removeElements(g, [g.nodes[0]!.id]))).toBe(false);
    expect(s.getState().replaceGraph({ ...template, nodes: [] })).toBe(false);
    expect(s.getState().graph).toBe(template);
    expect(s.temporal.getState().pastStates).toHaveLength(0);
  });

  it("should not record history or a revision when a helper returns the same graph", () => {
    const s = store();
    expect(s.getState().change((g) => g)).toBe(false);
    expect(s.getState().revision).toBe(0);
    expect(s.temporal.getState().pastStates).toHaveLength(0);
  });

  it("should keep selection and panels out of history when they change", () => {
    const s = store();
    s.getState().select({ kind: "node", id: "tm:CUSTOMER" });
    s.getState().openPanel("problems");
    s.getState().toggleExpanded("erp:CUSTOMER");
    expect(s.temporal.getState().pastStates).toHaveLength(0);
  });

  it("should mark the draft unsaved when edits arrive during a save and saved when the last revision is stored", () => {
    const s = store();
    s.getState().change((g) => removeElements(g, [], [g.edges[0]!.id]));
    s.getState().markSaving();
    s.getState().change((g) => removeElements(g, [], [g.edges[0]!.id]));
    s.getState().markSaved("a".repeat(64), 1);
    expect(s.getState().saveStatus).toBe("unsaved");
    s.getState().markSaved("b".repeat(64), 2);
    expect(s.getState()).toMatchObject({ saveStatus: "saved", baseHash: "b".repeat(64) });
  });
});
