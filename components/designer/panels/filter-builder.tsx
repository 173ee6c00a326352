"use client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CatalogEntity, CatalogField } from "@/lib/mapping/model/catalog";
import { COMPARE_OPERATORS, TEXT_OPERATORS, type FilterAst, type FilterValue } from "@/lib/mapping/model/filter";
import { Select } from "./form-bits";

type Group = Extract<FilterAst, { kind: "and" | "or" }>;
type Props = { filter: FilterAst; entity?: CatalogEntity; onChange: (filter: FilterAst) => void; depth?: number };

const OPERATOR_LABEL: Record<string, string> = {
  eq: "=",
  ne: "≠",
  gt: ">",
  ge: "≥",
  lt: "<",
  le: "≤",
  contains: "contains",
  startswith: "starts with",
  endswith: "ends with",
  in: "is one of",
};

/** The root is always edited as a group, so a single condition can grow into and/or groups. */
export const asGroup = (filter: FilterAst): Group =>
  filter.kind === "and" || filter.kind === "or" ? filter : { kind: "and", items: [filter] };

function newCondition(entity?: CatalogEntity): FilterAst {
  const field = entity?.fields.find((f) => f.type === "string") ?? entity?.fields[0];
  return { kind: "compare", field: field?.name ?? "", op: "eq", value: field?.type === "string" || !field ? "" : null };
}

/** A literal typed by the field: numbers for numbers, a choice for options and booleans, text otherwise. */
function toValue(field: CatalogField | undefined, text: string): FilterValue {
  if (!field) return text;
  if (["integer", "decimal", "optionset"].includes(field.type))
    return text === "" ? null : Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === "boolean") return text === "true";
  return text;
}

function ValueInput({
  field,
  value,
  onChange,
}: {
  field?: CatalogField;
  value: FilterValue;
  onChange: (v: FilterValue) => void;
}) {
  if (field?.type === "boolean")
    return (
      <Select
        aria-label="Filter value"
        value={String(value === true)}
        options={["true", "false"]}
        onChange={(v) => onChange(v === "true")}
      />
    );
  if (field?.options?.length) {
    return (
      <Select
        aria-label="Filter value"
        value={JSON.stringify(value)}
        options={field.options.map((o) => ({ value: JSON.stringify(o.value), label: o.label }))}
        onChange={(v) => onChange(JSON.parse(v) as FilterValue)}
      />
    );
  }
  return (
    <Input
      aria-label="Filter value"
      className="h-7 text-xs"
      value={value === null ? "" : String(value)}
      type={["integer", "decimal"].includes(field?.type ?? "") ? "number" : "text"}
      onChange={(e) => onChange(toValue(field, e.target.value))}
    />
  );
}

function Condition({
  item,
  entity,
  onChange,
}: {
  item: Exclude<FilterAst, Group | { kind: "not" }>;
  entity?: CatalogEntity;
  onChange: (item: FilterAst | null) => void;
}) {
  const field = entity?.fields.find((f) => f.name === item.field);
  const textual = !field || field.type === "string" || field.type === "text";
  const operators = [...COMPARE_OPERATORS, ...(textual ? TEXT_OPERATORS : [])];
  const op = item.kind === "in" ? "eq" : item.op;
  const fields =
    entity?.fields
      .filter((f) => f.type !== "blob" && f.type !== "lookup")
      .map((f) => ({ value: f.name, label: `${f.label ?? f.name} (${f.type})` })) ?? [];
  const value: FilterValue = item.kind === "in" ? (item.values[0] ?? null) : item.value;
  const setOp = (next: string) =>
    onChange(
      (TEXT_OPERATORS as readonly string[]).includes(next)
        ? { kind: "text", field: item.field, op: next as (typeof TEXT_OPERATORS)[number], value: String(value ?? "") }
        : { kind: "compare", field: item.field, op: next as (typeof COMPARE_OPERATORS)[number], value },
    );
  return (
    <div className="grid grid-cols-[1fr_auto_1fr_auto] items-center gap-1" aria-label="Condition">
      <Select
        aria-label="Filter field"
        value={item.field}
        options={
          fields.some((f) => f.value === item.field)
            ? fields
            : [{ value: item.field, label: item.field || "Pick a field" }, ...fields]
        }
        onChange={(name) => onChange({ ...item, field: name } as FilterAst)}
      />
      <Select
        aria-label="Filter operator"
        value={op}
        options={operators.map((o) => ({ value: o, label: OPERATOR_LABEL[o] ?? o }))}
        onChange={setOp}
      />
      <ValueInput
        field={field}
        value={value}
        onChange={(v) =>
          onChange(
            item.kind === "text"
              ? { ...item, value: String(v ?? "") }
              : item.kind === "in"
                ? { ...item, values: [v] }
                : { ...item, value: v },
          )
        }
      />
      <button
        type="button"
        className="text-xs text-red-700"
        aria-label="Remove condition"
        onClick={() => onChange(null)}
      >
        ✕
      </button>
    </div>
  );
}

/** A visual and/or builder: conditions typed by the catalog, nested groups, negation shown as NOT. */
export function FilterBuilder({ filter, entity, onChange, depth = 0 }: Props) {
  const group = asGroup(filter);
  const setItem = (index: number, item: FilterAst | null) =>
    onChange({
      ...group,
      items: item ? group.items.map((x, i) => (i === index ? item : x)) : group.items.filter((_, i) => i !== index),
    });
  return (
    <div
      className="flex flex-col gap-1 rounded border border-dashed p-2"
      aria-label={depth === 0 ? "Filter conditions" : "Condition group"}
    >
      <div className="flex items-center gap-1 text-xs">
        Match
        <Select
          aria-label="Group operator"
          value={group.kind}
          options={[
            { value: "and", label: "all (and)" },
            { value: "or", label: "any (or)" },
          ]}
          onChange={(kind) => onChange({ ...group, kind })}
        />
        of these
      </div>
      {group.items.length === 0 && (
        <p className="text-[11px] text-muted-foreground">No conditions yet: every record passes.</p>
      )}
      {group.items.map((item, i) =>
        item.kind === "and" || item.kind === "or" ? (
          <div key={i} className="flex items-start gap-1">
            <div className="flex-1">
              <FilterBuilder filter={item} entity={entity} depth={depth + 1} onChange={(next) => setItem(i, next)} />
            </div>
            <button
              type="button"
              className="text-xs text-red-700"
              aria-label="Remove group"
              onClick={() => setItem(i, null)}
            >
              ✕
            </button>
          </div>
        ) : item.kind === "not" ? (
          <div key={i} className="flex items-start gap-1 text-xs">
            <span className="pt-2 font-semibold">NOT</span>
            <div className="flex-1">
              <FilterBuilder
                filter={item.item}
                entity={entity}
                depth={depth + 1}
                onChange={(next) => setItem(i, { kind: "not", item: next })}
              />
            </div>
            <button
              type="button"
              className="text-xs text-red-700"
              aria-label="Remove negated group"
              onClick={() => setItem(i, null)}
            >
              ✕
            </button>
          </div>
        ) : (
          <Condition key={i} item={item} entity={entity} onChange={(next) => setItem(i, next)} />
        ),
      )}
      <div className="flex gap-1">
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => onChange({ ...group, items: [...group.items, newCondition(entity)] })}
        >
          Add condition
        </Button>
        {depth < 3 && (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() =>
              onChange({
                ...group,
                items: [...group.items, { kind: group.kind === "and" ? "or" : "and", items: [newCondition(entity)] }],
              })
            }
          >
            Add group
          </Button>
        )}
      </div>
    </div>
  );
}
