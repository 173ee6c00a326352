"use client";
import { useEffect } from "react";
import { findElement } from "../graph-ops/find-element";
import { useDesignerStore } from "../store/designer-context";

/**
 * Opens the designer on the element a link names (`?mapping=CUSTOMER&field=name`, from a job's error group): the
 * mapping is brought into view and the field edge, when found, is selected so the inspector shows it.
 */
export function useElementLink(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const mapping = params.get("mapping");
    if (!mapping) return;
    const found = findElement(store.getState().graph, { mapping, field: params.get("field") });
    if (!found) return;
    store.getState().focusNode(found.mappingNodeId);
    if (found.edgeId) store.getState().select({ kind: "edge", id: found.edgeId });
  }, [store]);
}
