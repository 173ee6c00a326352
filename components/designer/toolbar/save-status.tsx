"use client";
import { useDesigner } from "../store/designer-context";

const TEXT = {
  saved: "All changes saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  conflict: "Conflict",
  error: "Not saved",
} as const;

export function SaveStatus() {
  const status = useDesigner((s) => s.saveStatus);
  const error = useDesigner((s) => s.saveError);
  // A failed save says why, in the toolbar; a conflict has its own banner with the reload button.
  const reason = status === "error" && error ? `: ${error}` : "";
  return (
    <span
      role="status"
      aria-label="Draft status"
      data-status={status}
      title={error ?? undefined}
      className={status === "conflict" || status === "error" ? "text-xs text-red-700" : "text-xs text-muted-foreground"}
    >
      {TEXT[status]}
      {reason}
    </span>
  );
}
