"use client";
import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { Input, NativeSelect } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

export function FormRow({
  label,
  children,
  hint,
}: {
  label: string;
  children: (id: string) => ReactNode;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      {children(id)}
      {hint && <p className="text-[11px] text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-xs">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function Select<T extends string>({
  value,
  options,
  onChange,
  ...props
}: Omit<ComponentProps<"select">, "onChange" | "value"> & {
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (value: T) => void;
}) {
  return (
    <NativeSelect className="h-8 text-xs" value={value} onChange={(e) => onChange(e.target.value as T)} {...props}>
      {options.map((o) => {
        const option = typeof o === "string" ? { value: o, label: o } : o;
        return (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        );
      })}
    </NativeSelect>
  );
}

/** Text that is committed on blur or Enter, so typing a name is one undo step, not one per key. */
export function CommitInput({
  value,
  onCommit,
  validate,
  className,
  ...props
}: Omit<ComponentProps<"input">, "value" | "onChange"> & {
  value: string;
  onCommit: (value: string) => void;
  validate?: (value: string) => string | null;
}) {
  const [text, setText] = useState(value);
  // A new value from outside replaces the text being edited (adjusted during render, not in an effect).
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
  }
  const error = validate?.(text) ?? null;
  const commit = () => {
    if (!error && text !== value) onCommit(text);
  };
  return (
    <>
      <Input
        className={cn("h-8 text-xs", className)}
        value={text}
        aria-invalid={Boolean(error)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        {...props}
      />
      {error && <p className="text-[11px] text-red-700">{error}</p>}
    </>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2 border-t pt-3" aria-label={title}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}
