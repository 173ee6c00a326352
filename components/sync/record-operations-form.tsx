"use client";
import { useState, useTransition, type FormEvent } from "react";
import {
  coupleRecordsAction,
  createInOtherAction,
  matchCoupleAction,
  previewMatchCoupleAction,
  restoreSkippedAction,
  syncNowAction,
  uncoupleRecordsAction,
} from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { MatchPreview } from "@/lib/sync/engine/match-preview";
import { MatchPreviewTable } from "./match-preview-table";

const OPERATIONS = {
  send: "Synchronize now: send to the other system",
  get: "Synchronize now: get from the other system",
  merge: "Synchronize now: merge both ways",
  create: "Create in the other system",
  uncouple: "Uncouple",
  restore: "Restore skipped",
  "preview-match": "Preview match-based coupling (writes nothing)",
  match: "Match-based coupling (ERP ids, or all)",
  couple: "Set up coupling (one ERP id, one CRM id)",
} as const;
type Operation = keyof typeof OPERATIONS;

const ids = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);

function call(operation: Operation, mapping: string, side: "erp" | "crm", text: string, crmId: string) {
  const selection = { mapping, side, ids: ids(text) };
  switch (operation) {
    case "send":
    case "get":
      return syncNowAction({
        ...selection,
        direction: (operation === "send") === (side === "erp") ? "erp-to-crm" : "crm-to-erp",
      });
    case "merge":
      return syncNowAction({ ...selection, direction: "merge" });
    case "create":
      return createInOtherAction(selection);
    case "uncouple":
      return uncoupleRecordsAction(selection);
    case "restore":
      return restoreSkippedAction(selection.ids.length ? selection : { mapping });
    case "preview-match":
      return previewMatchCoupleAction({ mapping, ...(selection.ids.length ? { erpIds: selection.ids } : {}) });
    case "match":
      return matchCoupleAction({ mapping, ...(selection.ids.length ? { erpIds: selection.ids } : {}) });
    case "couple":
      return coupleRecordsAction({ mapping, erpId: selection.ids[0] ?? "", crmId });
  }
}

/** Coupling operations on chosen records (admins); the console's record views come later and call the same actions. */
export function RecordOperationsForm({ mappings }: { mappings: string[] }) {
  const [error, setError] = useState<PublicError | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [preview, setPreview] = useState<MatchPreview | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const operation = String(form.get("operation")) as Operation;
    startTransition(async () => {
      const result = await call(
        operation,
        String(form.get("mapping")),
        form.get("side") === "crm" ? "crm" : "erp",
        String(form.get("ids") ?? ""),
        String(form.get("crmId") ?? ""),
      );
      setError(result.ok ? null : result.error);
      const shown = result.ok && operation === "preview-match" ? (result.data as MatchPreview) : null;
      setPreview(shown);
      setAnswer(result.ok && !shown ? JSON.stringify(result.data, null, 2).slice(0, 4000) : null);
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-2" aria-label="Coupling operations" noValidate>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="op-mapping">Mapping</Label>
        <NativeSelect id="op-mapping" name="mapping">
          {mappings.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="op-operation">Operation</Label>
        <NativeSelect id="op-operation" name="operation">
          {Object.entries(OPERATIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="op-side">The ids are records of</Label>
        <NativeSelect id="op-side" name="side">
          <option value="erp">Business Central</option>
          <option value="crm">Dynamics 365 Sales</option>
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="op-ids">Record ids</Label>
        <Input id="op-ids" name="ids" placeholder="one or more ids, separated by spaces or commas" autoComplete="off" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="op-crm">CRM id (set up coupling only)</Label>
        <Input id="op-crm" name="crmId" autoComplete="off" />
      </div>
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : "Run operation"}
        </Button>
      </div>
      {error && <Alert className="md:col-span-2">{error.message}</Alert>}
      {preview && <MatchPreviewTable preview={preview} />}
      {answer && (
        <pre className="max-h-72 overflow-auto rounded-md bg-muted p-3 text-xs md:col-span-2" aria-label="Result">
          {answer}
        </pre>
      )}
    </form>
  );
}
