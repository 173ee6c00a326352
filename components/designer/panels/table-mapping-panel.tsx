"use client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DIRECTIONS } from "@/lib/mapping/model/direction";
import { MAPPING_NAME_PATTERN } from "@/lib/mapping/model/table-mapping";
import { addFilter } from "../graph-ops/add-nodes";
import { removeElements } from "../graph-ops/remove-elements";
import { updateTableMapping, type TableMappingPatch } from "../graph-ops/update-elements";
import { useDesigner, useDesignerStore } from "../store/designer-context";
import { AddConstant } from "./add-constant";
import { DefaultsOnCreate } from "./defaults-on-create";
import { Check, CommitInput, FormRow, Section, Select } from "./form-bits";
import { MatchSettingsEditor } from "./match-settings-editor";
import { useTableContext } from "./use-graph-lookup";

const UPDATE_POLICIES = [
  { value: "fail", label: "Fail the record" },
  { value: "erp-wins", label: "Business Central wins" },
  { value: "crm-wins", label: "Sales wins" },
  { value: "queue", label: "Queue for a person" },
] as const;
const DELETE_POLICIES = [
  { value: "fail", label: "Fail the record" },
  { value: "restore", label: "Restore the record" },
  { value: "uncouple", label: "Remove the coupling" },
] as const;

export function TableMappingPanel({ id }: { id: string }) {
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const { table, erp, crm } = useTableContext(id);
  if (!table) return null;
  const d = table.data;
  const patch = (p: TableMappingPatch) => store.getState().change((g) => updateTableMapping(g, id, p));
  const newFilter = (side: "erp" | "crm") => {
    let created = "";
    store.getState().change((g) => {
      const added = addFilter(g, id, side, { kind: "and", items: [] });
      created = added.id;
      return added.graph;
    });
    if (created) store.getState().select({ kind: "node", id: created });
  };
  return (
    <fieldset disabled={readOnly} className="flex flex-col gap-3" aria-label={`Table mapping ${d.name}`}>
      <h2 className="text-sm font-semibold">Table mapping</h2>
      <FormRow label="Name">
        {(fid) => (
          <CommitInput
            id={fid}
            value={d.name}
            onCommit={(name) => patch({ name })}
            validate={(v) =>
              MAPPING_NAME_PATTERN.test(v) ? null : "1–40 capitals, digits, spaces, dots, dashes or underscores"
            }
          />
        )}
      </FormRow>
      <p className="text-xs text-muted-foreground">
        {erp?.label ?? "?"} ({erp?.name}) ↔ {crm?.label ?? "?"} ({crm?.name})
      </p>
      <FormRow label="Direction">
        {(fid) => (
          <Select id={fid} value={d.direction} options={DIRECTIONS} onChange={(direction) => patch({ direction })} />
        )}
      </FormRow>
      <Check
        label="Synchronize only coupled records"
        checked={d.syncOnlyCoupled}
        onChange={(syncOnlyCoupled) => patch({ syncOnlyCoupled })}
      />
      <FormRow label="When both sides changed">
        {(fid) => (
          <Select
            id={fid}
            value={d.conflicts.update}
            options={UPDATE_POLICIES}
            onChange={(update) => patch({ conflicts: { ...d.conflicts, update } })}
          />
        )}
      </FormRow>
      <FormRow label="When the coupled record was deleted">
        {(fid) => (
          <Select
            id={fid}
            value={d.conflicts.delete}
            options={DELETE_POLICIES}
            onChange={(del) => patch({ conflicts: { ...d.conflicts, delete: del } })}
          />
        )}
      </FormRow>
      <FormRow label="Schedule (minutes between runs)" hint="Empty: the default of 30 minutes.">
        {(fid) => (
          <Input
            id={fid}
            type="number"
            min={1}
            max={1440}
            className="h-8 text-xs"
            value={d.schedule?.everyMinutes ?? ""}
            onChange={(e) => {
              const n = Number(e.target.value);
              patch({
                schedule:
                  e.target.value === ""
                    ? undefined
                    : Number.isInteger(n) && n >= 1 && n <= 1440
                      ? { everyMinutes: n }
                      : d.schedule,
              });
            }}
          />
        )}
      </FormRow>
      <Section title="Filters">
        <div className="flex gap-2">
          <Button type="button" size="sm" variant="outline" onClick={() => newFilter("erp")}>
            Add ERP filter
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => newFilter("crm")}>
            Add CRM filter
          </Button>
        </div>
      </Section>
      <MatchSettingsEditor match={d.match} erp={erp} crm={crm} onChange={(match) => patch({ match })} />
      <DefaultsOnCreate value={d.defaultsOnCreate} onChange={(defaultsOnCreate) => patch({ defaultsOnCreate })} />
      <AddConstant tableId={id} erp={erp} crm={crm} />
      <Section title="Danger zone">
        <Button
          type="button"
          size="sm"
          variant="destructive"
          onClick={() => store.getState().change((g) => removeElements(g, [id])) && store.getState().select(null)}
        >
          Delete table mapping
        </Button>
      </Section>
    </fieldset>
  );
}
