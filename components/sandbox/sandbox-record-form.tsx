"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createSandboxRecordAction, updateSandboxRecordAction } from "@/lib/actions/sandbox";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type FormField = {
  name: string;
  label: string;
  type: string;
  value: unknown;
  options?: { value: string | number; label: string }[];
  readOnly: boolean;
};

function inputValue(field: FormField): string {
  return field.value === null || field.value === undefined ? "" : String(field.value);
}

/** Reads the form back into typed values, sending only what changed. */
function changedValues(fields: FormField[], form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    if (field.type === "boolean") {
      const checked = form.get(field.name) === "on";
      if (checked !== Boolean(field.value)) values[field.name] = checked;
      continue;
    }
    const raw = String(form.get(field.name) ?? "");
    if (raw === inputValue(field)) continue;
    if (raw === "") values[field.name] = field.type === "string" || field.type === "text" ? "" : null;
    else if (["integer", "decimal", "optionset"].includes(field.type)) values[field.name] = Number(raw);
    else values[field.name] = raw;
  }
  return values;
}

// A saved record comes back with a new version and the page remounts its form: when, per record, so the new form
// still says it was saved (and a record just created says so too).
const savedAt = new Map<string, number>();
const justSaved = (id: string | undefined) => id !== undefined && Date.now() - (savedAt.get(id) ?? 0) < 5000;

/** Edits a record (only what changed is sent), or with `mode="create"` makes a new one from what is filled in. */
export function SandboxRecordForm(props: {
  system: "erp" | "crm";
  entity: string;
  id?: string;
  fields: FormField[];
  canEdit: boolean;
  mode?: "edit" | "create";
}) {
  const creating = props.mode === "create";
  const router = useRouter();
  const [error, setError] = useState<PublicError | null>(null);
  const [saved, setSaved] = useState(() => justSaved(props.id));
  const [silent, setSilent] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = changedValues(props.fields, form);
    startTransition(async () => {
      const result = creating
        ? await createSandboxRecordAction({ system: props.system, entity: props.entity, values })
        : await updateSandboxRecordAction({
            system: props.system,
            entity: props.entity,
            id: props.id,
            values,
            behindTheBack: form.get("behindTheBack") === "on",
          });
      setSaved(result.ok);
      setSilent(form.get("behindTheBack") === "on");
      setError(result.ok ? null : result.error);
      if (result.ok) savedAt.set(result.data.id, Date.now());
      if (result.ok && creating)
        router.push(`/sandbox/${props.system}?entity=${encodeURIComponent(props.entity)}&record=${result.data.id}`);
      else if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={creating ? "New record" : "Record"}>
      {error && <Alert>{error.message}</Alert>}
      {saved && (
        <Alert tone="success">
          {creating
            ? "Created. The next sync picks it up."
            : silent
              ? "Saved behind the integration's back: modified-on did not move, so no sync picks it up."
              : "Saved. The record's modified-on moved, so the next sync picks it up."}
        </Alert>
      )}
      {!props.canEdit && <Alert tone="info">Viewers can read the sandboxes; admins can change records.</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        {props.fields.map((field) => {
          const id = `field-${field.name}`;
          const disabled = field.readOnly || !props.canEdit;
          const invalid = Boolean(error?.fieldErrors?.[field.name]);
          return (
            <div key={field.name} className="flex flex-col gap-1">
              <Label htmlFor={id}>{field.label}</Label>
              {field.type === "boolean" ? (
                <input
                  id={id}
                  name={field.name}
                  type="checkbox"
                  defaultChecked={Boolean(field.value)}
                  disabled={disabled}
                  className="h-4 w-4"
                />
              ) : field.options?.length ? (
                <NativeSelect
                  id={id}
                  name={field.name}
                  defaultValue={inputValue(field)}
                  disabled={disabled}
                  aria-invalid={invalid}
                >
                  <option value="">—</option>
                  {/* An option added since the catalog was drawn up (InsertOptionValue): kept, or saving would change it. */}
                  {inputValue(field) !== "" && !field.options.some((o) => String(o.value) === inputValue(field)) && (
                    <option value={inputValue(field)}>{inputValue(field)} (added to the option set)</option>
                  )}
                  {field.options.map((o) => (
                    <option key={String(o.value)} value={String(o.value)}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input
                  id={id}
                  name={field.name}
                  type={field.type === "date" ? "date" : "text"}
                  defaultValue={inputValue(field)}
                  disabled={disabled}
                  aria-invalid={invalid}
                />
              )}
            </div>
          );
        })}
      </div>
      {props.canEdit && !creating && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="behindTheBack" className="h-4 w-4" />
          Behind the integration&apos;s back: change the stored values only, keeping modified-on (no sync notices;
          reconciliation does)
        </label>
      )}
      {props.canEdit && (
        <div>
          <Button type="submit" disabled={pending}>
            {creating ? (pending ? "Creating…" : "Create record") : pending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      )}
    </form>
  );
}
