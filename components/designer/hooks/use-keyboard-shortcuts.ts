"use client";
import { useEffect } from "react";
import { removeElements } from "../graph-ops/remove-elements";
import { useDesignerStore, useHistory } from "../store/designer-context";

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Delete/Backspace delete, Ctrl/Cmd+S save, Escape deselect. */
export function useKeyboardShortcuts(save: () => void) {
  const store = useDesignerStore();
  const history = useHistory();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        save();
        return;
      }
      if (key === "escape") {
        const state = store.getState();
        if (state.dialog) state.openDialog(null);
        else state.select(null);
        return;
      }
      if (typingIn(event.target)) return;
      if (mod && key === "z") {
        event.preventDefault();
        if (event.shiftKey) history.redo();
        else history.undo();
      } else if (mod && key === "y") {
        event.preventDefault();
        history.redo();
      } else if ((key === "delete" || key === "backspace") && !mod) {
        const { selection } = store.getState();
        if (!selection) return;
        event.preventDefault();
        const removed = store
          .getState()
          .change((graph) =>
            selection.kind === "node"
              ? removeElements(graph, [selection.id])
              : removeElements(graph, [], [selection.id]),
          );
        if (removed) store.getState().select(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, history, save]);
}
