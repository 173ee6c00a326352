"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PublishPreview } from "@/lib/services/designer/preview-publish";
import type { DesignerActions } from "./designer-actions";
import { DiffList } from "./panels/diff-list";
import { useDesigner } from "./store/designer-context";

type Props = {
  actions: Pick<DesignerActions, "previewPublish" | "publish">;
  flush: () => Promise<string | null>;
  onPublished: (number: number) => void;
};

type State =
  | { phase: "loading" }
  | { phase: "review"; hash: string; preview: PublishPreview }
  | { phase: "publishing" }
  | { phase: "done"; number: number }
  | { phase: "error"; message: string };

/** Saves the draft, shows what publishing would change and whom it touches, then publishes on confirmation. */
export function PublishDialog({ actions, flush, onPublished }: Props) {
  const open = useDesigner((s) => s.dialog === "publish");
  const openDialog = useDesigner((s) => s.openDialog);
  const [state, setState] = useState<State>({ phase: "loading" });
  // Each opening starts from "loading" (adjusted during render, so no stale review flashes).
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) setState({ phase: "loading" });
  }
  // An effect event sees the latest actions without making them dependencies of the effect below.
  const review = useEffectEvent((isCurrent: () => boolean) => {
    void (async () => {
      const hash = await flush();
      if (!isCurrent()) return;
      if (!hash)
        return setState({ phase: "error", message: "The draft could not be saved; see the status in the toolbar." });
      const result = await actions.previewPublish({ draftHash: hash });
      if (!isCurrent()) return;
      setState(
        result.ok ? { phase: "review", hash, preview: result.data } : { phase: "error", message: result.error.message },
      );
    })();
  });

  // Runs when the dialog opens, and only then: a re-render while it is open must not start the review again.
  useEffect(() => {
    if (!open) return;
    let current = true;
    review(() => current);
    return () => {
      current = false;
    };
  }, [open]);

  const publish = async (hash: string) => {
    setState({ phase: "publishing" });
    const result = await actions.publish({ draftHash: hash });
    if (!result.ok) return setState({ phase: "error", message: result.error.message });
    setState({ phase: "done", number: result.data.number });
    onPublished(result.data.number);
  };

  const errors = state.phase === "review" ? state.preview.diagnostics.filter((d) => d.severity === "error") : [];
  return (
    <Dialog.Root open={open} onOpenChange={(o) => openDialog(o ? "publish" : null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[85vh] w-[720px] max-w-[95vw] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-y-auto rounded-lg bg-card p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Publish a new version</Dialog.Title>
          <Dialog.Description className="text-sm text-muted-foreground">
            Every run after this uses the new version; runs in progress finish with the one they started with.
          </Dialog.Description>
          {state.phase === "loading" && (
            <p className="text-sm">Saving the draft and comparing it with the published version…</p>
          )}
          {state.phase === "publishing" && <p className="text-sm">Publishing…</p>}
          {state.phase === "error" && (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          )}
          {state.phase === "done" && (
            <p role="status" className="text-sm font-medium text-green-800">
              Version {state.number} is published.
            </p>
          )}
          {state.phase === "review" && (
            <>
              {errors.length > 0 && (
                <p role="alert" className="text-sm text-red-700">
                  {errors.length} problem{errors.length === 1 ? "" : "s"} must be fixed first: {errors[0]?.message}
                </p>
              )}
              {state.preview.unchanged && (
                <p className="text-sm">
                  The draft is the same as version {state.preview.publishedNumber}: nothing to publish.
                </p>
              )}
              <h3 className="text-sm font-semibold">
                Changes against{" "}
                {state.preview.publishedNumber ? `version ${state.preview.publishedNumber}` : "nothing published"}
              </h3>
              <DiffList diff={state.preview.diff} label="Changes to publish" />
              {state.preview.impact.length > 0 && (
                <>
                  <h3 className="text-sm font-semibold">Impact</h3>
                  <ul className="text-xs" aria-label="Impact">
                    {state.preview.impact.map((i) => (
                      <li key={i.mapping}>
                        <span className="font-medium">{i.mapping}</span> ({i.change}): {i.coupledRecords} coupled record
                        {i.coupledRecords === 1 ? "" : "s"}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button type="button" variant="outline">
                {state.phase === "done" ? "Close" : "Cancel"}
              </Button>
            </Dialog.Close>
            {state.phase === "review" && (
              <Button
                type="button"
                disabled={errors.length > 0 || state.preview.unchanged}
                onClick={() => void publish(state.hash)}
              >
                Publish version {(state.preview.publishedNumber ?? 0) + 1}
              </Button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
