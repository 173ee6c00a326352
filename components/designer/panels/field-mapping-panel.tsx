"use client";
import { Button } from "@/components/ui/button";
import type { FieldEdge } from "@/lib/mapping/graph/graph";
import { findField } from "@/lib/mapping/model/catalog";
import { DIRECTIONS } from "@/lib/mapping/model/direction";
import { applySuggestedDependencies } from "../graph-ops/suggest-dependencies";
import { removeElements } from "../graph-ops/remove-elements";
import { updateFieldEdge, type FieldEdgePatch } from "../graph-ops/update-elements";
import { useDesigner, useDesignerStore } from "../store/designer-context";
import { Check, FormRow, Section, Select } from "./form-bits";
import { TransformList } from "./transform-list";
import { TransformSample } from "./transform-sample";
import { useTableContext } from "./use-graph-lookup";
import { ValueMapEditor } from "./value-map-editor";

export function FieldMappingPanel({ edge }: { edge: FieldEdge }) {
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const { table, erpNode, erp, crm, mappingNames } = useTableContext(edge.data.mapping);
  const d = edge.data;
  const fromConstant = edge.sourceHandle === "value" && edge.source !== erpNode?.id;
  const erpFieldName =
    edge.source === erpNode?.id ? edge.sourceHandle : edge.target === erpNode?.id ? edge.targetHandle : undefined;
  const crmFieldName = edge.target === table?.data.crmNode ? edge.targetHandle : undefined;
  const erpField = findField(erp, erpFieldName ?? "");
  const crmField = findField(crm, crmFieldName ?? "");
  const patch = (p: FieldEdgePatch) => store.getState().change((g) => updateFieldEdge(g, edge.id, p));
  const setLookup = (lookup: FieldEdge["data"]["lookup"]) =>
    store.getState().change((g) => applySuggestedDependencies(updateFieldEdge(g, edge.id, { lookup })));
  return (
    <fieldset disabled={readOnly} className="flex flex-col gap-3" aria-label="Field mapping">
      <h2 className="text-sm font-semibold">Field mapping</h2>
      <p className="text-xs">
        <span className="font-medium">{fromConstant ? "constant" : (erpFieldName ?? "?")}</span>{" "}
        <span className="text-muted-foreground">({erpField?.type ?? (fromConstant ? "value" : "?")})</span> ↔{" "}
        <span className="font-medium">{crmFieldName ?? "—"}</span>{" "}
        <span className="text-muted-foreground">({crmField?.type ?? "?"})</span>
        <span className="block text-muted-foreground">in {table?.data.name}</span>
      </p>
      {!fromConstant && (
        <FormRow label="Direction">
          {(id) => (
            <Select id={id} value={d.direction} options={DIRECTIONS} onChange={(direction) => patch({ direction })} />
          )}
        </FormRow>
      )}
      <Check label="Enabled" checked={d.enabled !== false} onChange={(enabled) => patch({ enabled })} />
      <Check
        label="Only when the record is created"
        checked={Boolean(d.createOnly)}
        onChange={(createOnly) => patch({ createOnly: createOnly || undefined })}
      />
      <TransformList
        transforms={d.transforms ?? []}
        onChange={(transforms) => patch({ transforms: transforms.length ? transforms : undefined })}
      />
      {(d.transforms?.length ?? 0) > 0 && (
        <>
          <TransformSample transforms={d.transforms ?? []} maxLength={crmField?.maxLength ?? erpField?.maxLength} />
          {d.direction === "bidirectional" && (
            <FormRow label="Apply transforms when data moves">
              {(id) => (
                <Select
                  id={id}
                  value={d.transformFlow ?? "both"}
                  options={[
                    { value: "both", label: "Both ways" },
                    { value: "erp-to-crm", label: "ERP → CRM" },
                    { value: "crm-to-erp", label: "CRM → ERP" },
                  ]}
                  onChange={(v) => patch({ transformFlow: v === "both" ? undefined : v })}
                />
              )}
            </FormRow>
          )}
        </>
      )}
      {!fromConstant && (
        <ValueMapEditor
          valueMap={d.valueMap}
          erp={erpField}
          crm={crmField}
          onChange={(valueMap) => patch({ valueMap })}
        />
      )}
      {!fromConstant && (
        <Section title="Lookup">
          <Select
            aria-label="Resolve through mapping"
            value={d.lookup?.mapping ?? ""}
            options={[
              { value: "", label: "No lookup" },
              ...mappingNames.filter((n) => n !== table?.data.name).map((n) => ({ value: n, label: `Through ${n}` })),
            ]}
            onChange={(mapping) => setLookup(mapping ? { ...d.lookup, mapping } : undefined)}
          />
          {d.lookup && (
            <>
              <Check
                label="Clear when the reference is not coupled"
                checked={Boolean(d.lookup.clearOnFailed)}
                onChange={(clearOnFailed) => setLookup({ ...d.lookup!, clearOnFailed: clearOnFailed || undefined })}
              />
              <Check
                label="Never write a blank reference"
                checked={Boolean(d.lookup.notNull)}
                onChange={(notNull) => setLookup({ ...d.lookup!, notNull: notNull || undefined })}
              />
              <p className="text-[11px] text-muted-foreground">
                {d.lookup.mapping} is added as a dependency so it runs first.
              </p>
            </>
          )}
        </Section>
      )}
      <Section title="Danger zone">
        <Button
          type="button"
          size="sm"
          variant="destructive"
          onClick={() =>
            store.getState().change((g) => removeElements(g, [], [edge.id])) && store.getState().select(null)
          }
        >
          Delete field mapping
        </Button>
      </Section>
    </fieldset>
  );
}
