"use client";
import { useCallback, useEffect, useRef } from "react";
import type { DesignerActions } from "../designer-actions";
import { useDesignerStore } from "../store/designer-context";

export const AUTOSAVE_DELAY_MS = 800;

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
    const result = await saveDraft({ graph: state.graph, baseHash: state.baseHash });
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
