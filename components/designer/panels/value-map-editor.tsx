"use client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CatalogField } from "@/lib/mapping/model/catalog";
import type { JsonValue } from "@/lib/mapping/model/json-value";
import type { ValueMap } from "@/lib/mapping/model/table-mapping";
import { parseConstant } from "./add-constant";
import { Section, Select } from "./form-bits";

type Props = {
  valueMap: ValueMap | undefined;
  erp?: CatalogField;
  crm?: CatalogField;
  onChange: (valueMap: ValueMap | undefined) => void;
};

const key = (v: JsonValue) => JSON.stringify(v);

/** A cell: the field's options by label when it has them, free text otherwise. */
function ValueCell({
  field,
  value,
  onChange,
  label,
}: {
  field?: CatalogField;
  value: JsonValue;
  onChange: (v: JsonValue) => void;
  label: string;
}) {
  if (field?.options?.length) {
    const options = field.options.map((o) => ({ value: key(o.value), label: `${o.label} (${o.value})` }));
    return (
      <Select
        aria-label={label}
        value={key(value)}
        options={[{ value: "null", label: "—" }, ...options]}
        onChange={(v) => onChange(JSON.parse(v) as JsonValue)}
      />
    );
  }
  return (
    <Input
      aria-label={label}
      className="h-7 text-xs"
      value={typeof value === "string" ? value : JSON.stringify(value)}
      onChange={(e) =>
        onChange(
          field?.type === "optionset" || field?.type === "integer" ? parseConstant(e.target.value) : e.target.value,
        )
      }
    />
  );
}

/** Option set ↔ code table pairs with the target's option labels; "match by label" pairs what reads the same. */
export function ValueMapEditor({ valueMap, erp, crm, onChange }: Props) {
  if (!valueMap) {
    return (
      <Section title="Value map">
        <Button type="button" size="sm" variant="outline" onClick={() => onChange({ pairs: [], onMissing: "blank" })}>
          Add a value map
        </Button>
      </Section>
    );
  }
  const setPair = (index: number, pair: [JsonValue, JsonValue] | null) =>
    onChange({
      ...valueMap,
      pairs: pair
        ? valueMap.pairs.map((p, i) => (i === index ? pair : p))
        : valueMap.pairs.filter((_, i) => i !== index),
    });
  const matchByLabel = () => {
    const crmByLabel = new Map((crm?.options ?? []).map((o) => [o.label.toLowerCase(), o.value]));
    const pairs = (erp?.options ?? []).flatMap((o): [JsonValue, JsonValue][] =>
      crmByLabel.has(o.label.toLowerCase()) ? [[o.value, crmByLabel.get(o.label.toLowerCase())!]] : [],
    );
    onChange({ ...valueMap, pairs });
  };
  return (
    <Section title="Value map">
      <table className="w-full text-xs" aria-label="Value map pairs">
        <thead>
          <tr>
            <th className="text-left font-medium">Business Central</th>
            <th className="text-left font-medium">Sales</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {valueMap.pairs.map(([a, b], i) => (
            <tr key={i}>
              <td className="pr-1">
                <ValueCell label={`ERP value ${i + 1}`} field={erp} value={a} onChange={(v) => setPair(i, [v, b])} />
              </td>
              <td className="pr-1">
                <ValueCell label={`CRM value ${i + 1}`} field={crm} value={b} onChange={(v) => setPair(i, [a, v])} />
              </td>
              <td>
                <button
                  type="button"
                  className="text-red-700"
                  aria-label={`Remove pair ${i + 1}`}
                  onClick={() => setPair(i, null)}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-1">
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() =>
            onChange({
              ...valueMap,
              pairs: [...valueMap.pairs, [erp?.options?.[0]?.value ?? "", crm?.options?.[0]?.value ?? ""]],
            })
          }
        >
          Add pair
        </Button>
        {erp?.options?.length && crm?.options?.length ? (
          <Button type="button" size="sm" variant="ghost" onClick={matchByLabel}>
            Match by label
          </Button>
        ) : null}
        <Button type="button" size="sm" variant="ghost" onClick={() => onChange(undefined)}>
          Remove value map
        </Button>
      </div>
      <label className="flex items-center gap-2 text-xs">
        Unmatched value
        <Select
          value={valueMap.onMissing}
          options={[
            { value: "blank", label: "Write a blank (also over an old value)" },
            { value: "fail", label: "Fail the record" },
          ]}
          onChange={(onMissing) => onChange({ ...valueMap, onMissing })}
        />
      </label>
    </Section>
  );
}
