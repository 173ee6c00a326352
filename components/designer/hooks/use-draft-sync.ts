"use client";
import { useCallback, useEffect, useRef } from "react";
import { MAX_DRAFT_BYTES } from "@/lib/services/designer/designer-schemas";
import type { DesignerActions } from "../designer-actions";
import { useDesignerStore } from "../store/designer-context";

export const AUTOSAVE_DELAY_MS = 800;

const LIMIT_MB = Math.round(MAX_DRAFT_BYTES / (1024 * 1024));

/** Why a save whose action rejected did not land: Next refuses a body over its limit without a reason we can read. */
export function refusedSaveMessage(graph: unknown): string {
  return new TextEncoder().encode(JSON.stringify(graph)).length > MAX_DRAFT_BYTES
    ? `The draft is too large to save (limit ${LIMIT_MB} MB). Remove some of it, or split it.`
    : "Could not reach the server: the draft is not saved. It is saved again with your next change.";
}

/**
 * Debounced autosave of the draft: one save at a time, each sending the hash it was based on; a conflict stops
 * autosaving until the page reloads. `flush` saves now and resolves with the hash the server holds.
 */
export function useDraftSync(saveDraft: DesignerActions["saveDraft"]) {
  const store = useDesignerStore();
  const running = useRef<Promise<string | null> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveOnce = useCallback(async (): Promise<string | null> => {
    const state = store.getState();
    if (state.readOnly || state.saveStatus === "conflict") return state.baseHash;
    if (state.revision === state.savedRevision && state.baseHash) return state.baseHash;
    const revision = state.revision;
    state.markSaving();
    let result: Awaited<ReturnType<typeof saveDraft>>;
    try {
      result = await saveDraft({ graph: state.graph, baseHash: state.baseHash });
    } catch {
      // The action never answered: the body was refused (too large), or the server could not be reached.
      store.getState().markSaveFailed("error", refusedSaveMessage(state.graph));
      return null;
    }
    if (result.ok) {
      store.getState().markSaved(result.data.hash, revision);
      return result.data.hash;
    }
    store.getState().markSaveFailed(result.error.code === "CONFLICT" ? "conflict" : "error", result.error.message);
    return null;
  }, [store, saveDraft]);

  const flush = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      while (running.current) await running.current;
      running.current = saveOnce().finally(() => {
        running.current = null;
      });
      const hash = await running.current;
      // Edits made while saving need one more save; a failed save stops here.
      const s = store.getState();
      if (hash === null || s.revision === s.savedRevision) return hash;
    }
  }, [saveOnce, store]);

  useEffect(() => {
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision === previous.revision || state.readOnly) return;
      if (state.saveStatus === "saved") store.setState({ saveStatus: "unsaved" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    const warn = (event: BeforeUnloadEvent) => {
      const s = store.getState();
      if (s.revision !== s.savedRevision) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      unsubscribe();
      window.removeEventListener("beforeunload", warn);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [store, flush]);

  return { flush };
}
