"use client";
import { Button } from "@/components/ui/button";
import type { FilterNode } from "@/lib/mapping/graph/graph";
import { findField } from "@/lib/mapping/model/catalog";
import { toODataFilter } from "@/lib/mapping/filter/odata-filter";
import { removeElements } from "../graph-ops/remove-elements";
import { updateFilter } from "../graph-ops/update-elements";
import { useDesigner, useDesignerStore } from "../store/designer-context";
import { FilterBuilder } from "./filter-builder";
import { Section } from "./form-bits";
import { useTableContext } from "./use-graph-lookup";

export function FilterPanel({ node }: { node: FilterNode }) {
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const { table, erp, crm } = useTableContext(node.data.mapping);
  const entity = node.data.side === "erp" ? erp : crm;
  let odata: { ok: boolean; text: string };
  try {
    odata = {
      ok: true,
      text: toODataFilter(node.data.filter, {
        dialect: node.data.side === "erp" ? "business-central" : "dataverse",
        field: (name) => findField(entity, name),
      }),
    };
  } catch (error) {
    odata = { ok: false, text: error instanceof Error ? error.message : "This filter cannot be sent" };
  }
  return (
    <fieldset disabled={readOnly} className="flex flex-col gap-3" aria-label="Filter">
      <h2 className="text-sm font-semibold">
        {node.data.side === "erp" ? "Business Central" : "Sales"} filter of {table?.data.name ?? "?"}
      </h2>
      <p className="text-xs text-muted-foreground">
        Only {entity?.label ?? entity?.name ?? "records"} matching this filter are synchronized.
      </p>
      <FilterBuilder
        filter={node.data.filter}
        entity={entity}
        onChange={(filter) => store.getState().change((g) => updateFilter(g, node.id, filter))}
      />
      <Section title="OData $filter">
        <output
          aria-label="Generated OData filter"
          className={
            odata.ok
              ? "block break-all rounded bg-muted p-2 font-mono text-[11px]"
              : "block rounded bg-red-50 p-2 text-[11px] text-red-700"
          }
        >
          {odata.text}
        </output>
      </Section>
      <Button
        type="button"
        size="sm"
        variant="destructive"
        onClick={() => store.getState().change((g) => removeElements(g, [node.id])) && store.getState().select(null)}
      >
        Delete filter
      </Button>
    </fieldset>
  );
}
