"use client";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ConfigDiff } from "@/lib/mapping/diff/config-diff";
import type { VersionSummary } from "@/lib/services/designer/list-versions";
import type { DesignerActions } from "../designer-actions";
import { useDesigner } from "../store/designer-context";
import { DiffList } from "./diff-list";

type Props = {
  actions: Pick<DesignerActions, "listVersions" | "versionDiff" | "rollback">;
  refreshKey: number;
  onRolledBack: () => void;
};

/** Published versions, newest first, each with what it changed; rollback publishes an old one again. */
export function VersionsPanel({ actions, refreshKey, onRolledBack }: Props) {
  const readOnly = useDesigner((s) => s.readOnly);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [open, setOpen] = useState<{ number: number; diff: ConfigDiff } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await actions.listVersions();
    if (result.ok) setVersions(result.data);
    else setMessage(result.error.message);
  }, [actions]);
  // load() sets state only after the versions arrive, never synchronously within the effect.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => void load(), [load, refreshKey]);

  const showDiff = async (number: number) => {
    if (open?.number === number) return setOpen(null);
    const result = await actions.versionDiff({ number });
    if (result.ok) setOpen({ number, diff: result.data });
    else setMessage(result.error.message);
  };
  const rollback = async (number: number) => {
    if (!window.confirm(`Publish version ${number} again as a new version? The canvas will show it.`)) return;
    const result = await actions.rollback({ number });
    setMessage(
      result.ok ? `Version ${result.data.number} now runs what version ${number} held.` : result.error.message,
    );
    if (result.ok) {
      await load();
      onRolledBack();
    }
  };

  if (!versions) return <p className="text-xs text-muted-foreground">Loading versions…</p>;
  return (
    <div className="flex flex-col gap-2">
      {message && (
        <p role="status" className="text-xs">
          {message}
        </p>
      )}
      {versions.length === 0 && <p className="text-xs text-muted-foreground">Nothing is published yet.</p>}
      <ol className="flex flex-col gap-2" aria-label="Versions">
        {versions.map((v, i) => (
          <li key={v.number} className="rounded border p-2 text-xs" aria-label={`Version ${v.number}`}>
            <div className="flex items-center gap-2">
              <span className="font-semibold">Version {v.number}</span>
              {i === 0 && <span className="rounded bg-green-100 px-1 text-green-800">published</span>}
              <span className="ml-auto text-muted-foreground">{v.mappings} mappings</span>
            </div>
            <div className="text-muted-foreground">
              {v.publishedAt ? new Date(v.publishedAt).toLocaleString() : ""} · {v.author ?? "system"} ·{" "}
              <code>{v.hash.slice(0, 10)}</code>
            </div>
            <div className="mt-1 flex gap-1">
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => void showDiff(v.number)}
                aria-expanded={open?.number === v.number}
              >
                {open?.number === v.number ? "Hide changes" : "Changes"}
              </Button>
              {!readOnly && i > 0 && (
                <Button type="button" size="sm" variant="ghost" onClick={() => void rollback(v.number)}>
                  Roll back to this
                </Button>
              )}
            </div>
            {open?.number === v.number && <DiffList diff={open.diff} label={`Changes in version ${v.number}`} />}
          </li>
        ))}
      </ol>
    </div>
  );
}
