"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createDesignerStore, type DesignerStore, type DesignerStoreInit } from "./create-designer-store";
import type { DesignerState } from "./types";

const DesignerStoreContext = createContext<DesignerStore | null>(null);

/** Each designer on a page gets its own store, created once for the life of the provider. */
export function DesignerStoreProvider({ init, children }: { init: DesignerStoreInit; children: ReactNode }) {
  const [store] = useState(() => createDesignerStore(init));
  return <DesignerStoreContext.Provider value={store}>{children}</DesignerStoreContext.Provider>;
}

export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error("useDesignerStore needs a DesignerStoreProvider above it");
  return store;
}

export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}

/** Undo/redo state for the toolbar; changes bump the revision so the draft sync saves what undo restored. */
export function useHistory() {
  const store = useDesignerStore();
  const past = useStore(store.temporal, (t) => t.pastStates.length);
  const future = useStore(store.temporal, (t) => t.futureStates.length);
  const step = (kind: "undo" | "redo") => {
    if (store.getState().readOnly) return;
    const before = store.getState().graph;
    store.temporal.getState()[kind]();
    if (store.getState().graph !== before) store.setState((s) => ({ revision: s.revision + 1 }));
  };
  return { canUndo: past > 0, canRedo: future > 0, undo: () => step("undo"), redo: () => step("redo") };
}
