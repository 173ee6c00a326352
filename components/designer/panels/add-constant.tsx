"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { JsonValue } from "@/lib/mapping/model/json-value";
import { addConstant } from "../graph-ops/add-constant";
import { useDesignerStore } from "../store/designer-context";
import { Section, Select } from "./form-bits";

/** Text that reads as JSON (numbers, true, null, quoted text) is that value; anything else is text. */
export function parseConstant(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

export function AddConstant({ tableId, erp, crm }: { tableId: string; erp?: CatalogEntity; crm?: CatalogEntity }) {
  const store = useDesignerStore();
  const [side, setSide] = useState<"erp" | "crm">("crm");
  const entity = side === "erp" ? erp : crm;
  const fields = entity?.fields.filter((f) => !f.readOnly).map((f) => f.name) ?? [];
  const [field, setField] = useState("");
  const [value, setValue] = useState("");
  const add = () => {
    let id = "";
    store.getState().change((g) => {
      const added = addConstant(g, tableId, side, field || fields[0] || "", parseConstant(value));
      id = added.id;
      return added.graph;
    });
    if (id) store.getState().select({ kind: "node", id });
  };
  return (
    <Section title="Constant value">
      <div className="grid grid-cols-2 gap-1">
        <Select
          aria-label="Constant into"
          value={side}
          options={[
            { value: "crm", label: "Sales field" },
            { value: "erp", label: "ERP field" },
          ]}
          onChange={setSide}
        />
        <Select aria-label="Constant field" value={field || fields[0] || ""} options={fields} onChange={setField} />
      </div>
      <Input
        className="h-8 text-xs"
        aria-label="Constant value"
        placeholder='e.g. 3, true or "text"'
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="button" size="sm" variant="outline" onClick={add} disabled={!fields.length}>
        Add constant
      </Button>
    </Section>
  );
}
