"use client";
import { Input } from "@/components/ui/input";
import type { Transform, TransformType } from "@/lib/mapping/model/transform";
import { parseConstant } from "./add-constant";
import { Section, Select } from "./form-bits";
import { defaultTransform, TRANSFORM_LABELS } from "./transform-defaults";

type Props = { transforms: Transform[]; onChange: (transforms: Transform[]) => void };

const TYPES = Object.keys(TRANSFORM_LABELS) as TransformType[];

/** The transform chain, applied top to bottom; each step's settings edited in place. */
export function TransformList({ transforms, onChange }: Props) {
  const set = (index: number, next: Transform | null) =>
    onChange(next ? transforms.map((t, i) => (i === index ? next : t)) : transforms.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => {
    const next = [...transforms];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <Section title="Transforms">
      {transforms.length === 0 && (
        <p className="text-xs text-muted-foreground">No transforms: the value is copied as it is.</p>
      )}
      <ol className="flex flex-col gap-1" aria-label="Transform chain">
        {transforms.map((t, i) => (
          <li key={i} className="rounded border p-1.5 text-xs" aria-label={TRANSFORM_LABELS[t.type]}>
            <div className="flex items-center gap-1">
              <span className="flex-1 font-medium">
                {i + 1}. {TRANSFORM_LABELS[t.type]}
              </span>
              <button type="button" aria-label="Move up" disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label="Move down"
                disabled={i === transforms.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove ${TRANSFORM_LABELS[t.type]}`}
                className="text-red-700"
                onClick={() => set(i, null)}
              >
                ✕
              </button>
            </div>
            <TransformSettings transform={t} onChange={(next) => set(i, next)} />
          </li>
        ))}
      </ol>
      <Select
        aria-label="Add transform"
        value={"" as TransformType}
        options={[
          { value: "" as TransformType, label: "Add transform…" },
          ...TYPES.map((type) => ({ value: type, label: TRANSFORM_LABELS[type] })),
        ]}
        onChange={(type) => type && onChange([...transforms, defaultTransform(type)])}
      />
    </Section>
  );
}

function Text({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="mt-1 flex items-center gap-1">
      <span className="w-20 shrink-0 text-muted-foreground">{label}</span>
      <Input className="h-7 text-xs" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function Num({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  return (
    <label className="mt-1 flex items-center gap-1">
      <span className="w-20 shrink-0 text-muted-foreground">{label}</span>
      <Input
        className="h-7 text-xs"
        type="number"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Math.trunc(Number(e.target.value)))}
      />
    </label>
  );
}

function TransformSettings({ transform: t, onChange }: { transform: Transform; onChange: (t: Transform) => void }) {
  switch (t.type) {
    case "substring":
      return (
        <>
          <Num label="Start" value={t.start} onChange={(start) => onChange({ ...t, start: Math.max(1, start ?? 1) })} />
          <Num label="Length" value={t.length} onChange={(length) => onChange({ ...t, length })} />
        </>
      );
    case "replace":
      return (
        <>
          <Text label="Find" value={t.find} onChange={(find) => onChange({ ...t, find })} />
          <Text
            label="Replace with"
            value={t.replaceWith}
            onChange={(replaceWith) => onChange({ ...t, replaceWith })}
          />
        </>
      );
    case "regex-replace":
      return (
        <>
          <Text label="Pattern" value={t.pattern} onChange={(pattern) => onChange({ ...t, pattern })} />
          <Text
            label="Replace with"
            value={t.replaceWith}
            onChange={(replaceWith) => onChange({ ...t, replaceWith })}
          />
        </>
      );
    case "regex-match":
      return <Text label="Pattern" value={t.pattern} onChange={(pattern) => onChange({ ...t, pattern })} />;
    case "date-format":
      return <Text label="Format" value={t.format} onChange={(format) => onChange({ ...t, format })} />;
    case "decimal-format":
      return <Num label="Decimals" value={t.decimals} onChange={(decimals) => onChange({ ...t, decimals })} />;
    case "truncate":
      return (
        <Num
          label="Max length"
          value={t.maxLength}
          onChange={(maxLength) => onChange({ ...t, maxLength: maxLength && maxLength > 0 ? maxLength : undefined })}
        />
      );
    case "default-if-empty":
      return (
        <Text
          label="Value"
          value={typeof t.value === "string" ? t.value : JSON.stringify(t.value)}
          onChange={(v) => onChange({ ...t, value: parseConstant(v) })}
        />
      );
    case "concat":
      return (
        <Text label="Separator" value={t.separator ?? ""} onChange={(separator) => onChange({ ...t, separator })} />
      );
    case "jsonata":
      return (
        <label className="mt-1 flex flex-col gap-1">
          <span className="text-muted-foreground">Expression ($ is the value, $record the source record)</span>
          <textarea
            aria-label="JSONata expression"
            className="min-h-14 rounded border bg-card p-1 font-mono text-[11px]"
            value={t.expression}
            onChange={(e) => onChange({ ...t, expression: e.target.value })}
          />
        </label>
      );
    default:
      return null;
  }
}
