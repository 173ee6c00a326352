"use client";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import type { Transform } from "@/lib/mapping/model/transform";
import { applyTransforms } from "@/lib/mapping/transform/apply-transforms";
import { transformErrorMessage } from "@/lib/mapping/transform/transform-error-message";

/**
 * Runs the chain on a sample value as you type, so a transform or JSONata expression shows what it does. Regexes run
 * in linear time and JSONata within its time budget, so no pattern can freeze the page; a failure shows a fixed
 * message and its code, never the engine's own text.
 */
export function TransformSample({ transforms, maxLength }: { transforms: Transform[]; maxLength?: number }) {
  const [sample, setSample] = useState("  Sample value  ");
  const [result, setResult] = useState<{ ok: boolean; text: string }>({ ok: true, text: "" });
  useEffect(() => {
    let current = true;
    applyTransforms(sample, transforms, { record: { value: sample }, targetMaxLength: maxLength })
      .then((value) => current && setResult({ ok: true, text: JSON.stringify(value) }))
      .catch((error: unknown) => current && setResult({ ok: false, text: transformErrorMessage(error) }));
    return () => {
      current = false;
    };
  }, [sample, transforms, maxLength]);
  return (
    <div className="flex flex-col gap-1 rounded bg-muted/50 p-2 text-xs">
      <label className="flex items-center gap-1">
        <span className="w-14 shrink-0">Sample</span>
        <Input
          className="h-7 text-xs"
          aria-label="Sample value"
          value={sample}
          onChange={(e) => setSample(e.target.value)}
        />
      </label>
      <div className="flex gap-1">
        <span className="w-14 shrink-0">Result</span>
        <output aria-label="Transform result" className={result.ok ? "font-mono" : "text-red-700"}>
          {result.text}
        </output>
      </div>
    </div>
  );
}
