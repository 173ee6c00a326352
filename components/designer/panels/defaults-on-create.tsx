"use client";
import { useState } from "react";
import type { TableMappingNode } from "@/lib/mapping/graph/graph";
import { Section } from "./form-bits";

type Defaults = TableMappingNode["data"]["defaultsOnCreate"];

/** Values written only when a record is created, as a JSON object per side; applied on blur when valid. */
export function DefaultsOnCreate({ value, onChange }: { value: Defaults; onChange: (value: Defaults) => void }) {
  return (
    <Section title="Defaults on create">
      {(["erp", "crm"] as const).map((side) => (
        <SideDefaults
          key={side}
          side={side}
          value={value?.[side]}
          onChange={(next) => {
            const merged = { ...value, [side]: next };
            if (!next) delete merged[side];
            onChange(merged.erp || merged.crm ? merged : undefined);
          }}
        />
      ))}
    </Section>
  );
}

function SideDefaults({
  side,
  value,
  onChange,
}: {
  side: "erp" | "crm";
  value: Record<string, unknown> | undefined;
  onChange: (value: Record<string, import("@/lib/mapping/model/json-value").JsonValue> | undefined) => void;
}) {
  const shown = value ? JSON.stringify(value, null, 1) : "";
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [shownBefore, setShownBefore] = useState(shown);
  if (shownBefore !== shown) {
    setShownBefore(shown);
    setText(shown);
  }
  const commit = () => {
    if (!text.trim()) return onChange(undefined);
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("an object");
      setError(null);
      onChange(parsed as Record<string, import("@/lib/mapping/model/json-value").JsonValue>);
    } catch {
      setError('Write a JSON object, like {"statecode": 0}');
    }
  };
  return (
    <label className="flex flex-col gap-1 text-xs">
      {side === "erp" ? "Business Central" : "Sales"}
      <textarea
        className="min-h-12 rounded border bg-card p-1 font-mono text-[11px]"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        placeholder="{}"
      />
      {error && <span className="text-red-700">{error}</span>}
    </label>
  );
}
