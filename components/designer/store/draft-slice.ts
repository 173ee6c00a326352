import type { StateCreator } from "zustand";
import type { DesignerState } from "./types";

export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "error";

export type DraftSliceShape = {
  /** The draft hash the server holds for what we last loaded or saved: sent with every save to catch overwrites. */
  baseHash: string | null;
  savedRevision: number;
  saveStatus: SaveStatus;
  saveError: string | null;
  markSaving: () => void;
  markSaved: (hash: string, revision: number) => void;
  markSaveFailed: (status: "conflict" | "error", message: string) => void;
  /** After a reload from the server: the loaded draft is the new base. */
  resetDraft: (hash: string | null) => void;
};

export const createDraftSlice =
  (baseHash: string | null): StateCreator<DesignerState, [], [], DraftSliceShape> =>
  (set, get) => ({
    baseHash,
    savedRevision: 0,
    saveStatus: "saved",
    saveError: null,
    markSaving: () => set({ saveStatus: "saving", saveError: null }),
    markSaved: (hash, revision) =>
      set({
        baseHash: hash,
        savedRevision: revision,
        saveStatus: revision === get().revision ? "saved" : "unsaved",
        saveError: null,
      }),
    markSaveFailed: (saveStatus, saveError) => set({ saveStatus, saveError }),
    resetDraft: (hash) => set({ baseHash: hash, savedRevision: get().revision, saveStatus: "saved", saveError: null }),
  });
