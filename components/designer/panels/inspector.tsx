"use client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDesignerEnv } from "../designer-env";
import { removeElements } from "../graph-ops/remove-elements";
import { updateConstant } from "../graph-ops/update-elements";
import { useDesigner, useDesignerStore } from "../store/designer-context";
import { parseConstant } from "./add-constant";
import { FieldMappingPanel } from "./field-mapping-panel";
import { FilterPanel } from "./filter-panel";
import { TableMappingPanel } from "./table-mapping-panel";

/** Settings of whatever is selected; an empty state explains how to start. */
export function Inspector() {
  const store = useDesignerStore();
  const selection = useDesigner((s) => s.selection);
  const graph = useDesigner((s) => s.graph);
  const readOnly = useDesigner((s) => s.readOnly);
  const { catalogs } = useDesignerEnv();
  const remove = (nodes: string[], edges: string[] = []) =>
    store.getState().change((g) => removeElements(g, nodes, edges)) && store.getState().select(null);

  if (!selection) {
    return (
      <div className="flex flex-col gap-2 text-xs text-muted-foreground">
        <p className="font-medium text-foreground">Nothing selected</p>
        <p>
          Add a Business Central and a Sales entity from the palette, connect their headers to create a table mapping,
          then drag field onto field.
        </p>
        <p>
          Shortcuts: Ctrl+Z undo · Ctrl+Shift+Z redo · Delete removes the selection · Ctrl+S saves · Escape deselects.
        </p>
      </div>
    );
  }
  if (selection.kind === "edge") {
    const edge = graph.edges.find((e) => e.id === selection.id);
    if (edge?.type === "field") return <FieldMappingPanel key={edge.id} edge={edge} />;
    if (edge?.type === "dependency") {
      const name = (id: string) => graph.nodes.find((n) => n.id === id && n.type === "table-mapping")?.data;
      const [from, to] = [name(edge.source), name(edge.target)] as { name?: string }[];
      return (
        <div className="flex flex-col gap-2 text-xs">
          <h2 className="text-sm font-semibold">Dependency</h2>
          <p>
            {from?.name} runs before {to?.name}.
          </p>
          {!readOnly && (
            <Button type="button" size="sm" variant="destructive" onClick={() => remove([], [edge.id])}>
              Delete dependency
            </Button>
          )}
        </div>
      );
    }
    return null;
  }
  const node = graph.nodes.find((n) => n.id === selection.id);
  if (!node) return null;
  if (node.type === "table-mapping") return <TableMappingPanel key={node.id} id={node.id} />;
  if (node.type === "filter") return <FilterPanel key={node.id} node={node} />;
  if (node.type === "constant") {
    return (
      <fieldset disabled={readOnly} className="flex flex-col gap-2 text-xs">
        <h2 className="text-sm font-semibold">Constant</h2>
        <label className="flex flex-col gap-1">
          Value (JSON: 3, true, &quot;text&quot;)
          <Input
            key={JSON.stringify(node.data.value)}
            className="h-8 text-xs"
            defaultValue={JSON.stringify(node.data.value)}
            onBlur={(e) => store.getState().change((g) => updateConstant(g, node.id, parseConstant(e.target.value)))}
          />
        </label>
        <Button type="button" size="sm" variant="destructive" onClick={() => remove([node.id])}>
          Delete constant
        </Button>
      </fieldset>
    );
  }
  const entity = catalogs[node.data.system].entities.find((e) => e.name === node.data.entity);
  const mappings = graph.nodes.filter(
    (n) => n.type === "table-mapping" && (n.data.erpNode === node.id || n.data.crmNode === node.id),
  );
  return (
    <div className="flex flex-col gap-2 text-xs">
      <h2 className="text-sm font-semibold">{entity?.label ?? node.data.entity}</h2>
      <p className="text-muted-foreground">
        {node.data.system === "erp" ? "Business Central" : "Dynamics 365 Sales"} · {node.data.entity} · key{" "}
        {node.data.key}
        {node.data.modifiedOn ? ` · changes by ${node.data.modifiedOn}` : ""}
      </p>
      <p>{entity ? `${entity.fields.length} fields.` : "This entity is not in the connected system's catalog."}</p>
      <p>
        {mappings.length
          ? `Used by ${mappings.map((m) => (m.type === "table-mapping" ? m.data.name : "")).join(", ")}.`
          : "Not mapped yet: connect its header to an entity of the other system."}
      </p>
      {!readOnly && (
        <Button type="button" size="sm" variant="destructive" onClick={() => remove([node.id])}>
          Remove from canvas
        </Button>
      )}
    </div>
  );
}
