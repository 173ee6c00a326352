"use client";
import type { Connection, EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useRef, type Dispatch, type SetStateAction } from "react";
import type { MappingGraph } from "@/lib/mapping/graph/graph";
import { addDependency, moveNodes } from "../graph-ops/add-nodes";
import { connect, ENTITY_HANDLE } from "../graph-ops/connect-fields";
import { useDesignerStore } from "../store/designer-context";
import type { DesignerFlowEdge, DesignerFlowNode } from "./flow-types";
import { TABLE_HANDLES } from "./flow-types";
import type { Measured } from "./use-flow-elements";

/** React Flow's events turned into graph changes, all through the store's one pipeline. */
export function useCanvasHandlers(setMeasured: Dispatch<SetStateAction<Measured>>) {
  const store = useDesignerStore();
  const dragSnapshot = useRef<MappingGraph | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignerFlowNode>[]) => {
      const sizes = changes.flatMap((c) =>
        c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : [],
      );
      if (sizes.length) {
        setMeasured((previous) => {
          const next = new Map(previous);
          for (const [id, size] of sizes) next.set(id, { width: size.width, height: size.height });
          return next;
        });
      }
      const positions = new Map(
        changes.flatMap((c) =>
          c.type === "position" && c.position
            ? [[c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) }] as const]
            : [],
        ),
      );
      if (positions.size) store.getState().change((graph) => moveNodes(graph, positions));
      const selected = changes.find((c) => c.type === "select" && c.selected);
      if (selected && selected.type === "select") store.getState().select({ kind: "node", id: selected.id });
    },
    [store, setMeasured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<DesignerFlowEdge>[]) => {
      const selected = changes.find((c) => c.type === "select" && c.selected);
      if (selected && selected.type === "select" && !selected.id.startsWith("link:"))
        store.getState().select({ kind: "edge", id: selected.id });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      if (
        connection.sourceHandle === TABLE_HANDLES.dependencyOut &&
        connection.targetHandle === TABLE_HANDLES.dependencyIn
      ) {
        let id = "";
        state.change((graph) => {
          const added = addDependency(graph, connection.source, connection.target);
          id = added.id;
          return added.graph;
        });
        if (id) state.select({ kind: "edge", id });
        return;
      }
      let result: ReturnType<typeof connect> | null = null;
      state.change((graph) => {
        result = connect(graph, connection);
        return result.graph;
      });
      const done = result as ReturnType<typeof connect> | null;
      if (!done?.id) return;
      state.select({ kind: done.kind === "field" ? "edge" : "node", id: done.id });
      state.openPanel("inspector");
    },
    [store],
  );

  const isValidConnection = useCallback((c: Connection | DesignerFlowEdge) => {
    const dependency = c.sourceHandle === TABLE_HANDLES.dependencyOut && c.targetHandle === TABLE_HANDLES.dependencyIn;
    const tables =
      c.sourceHandle === ENTITY_HANDLE || c.targetHandle === ENTITY_HANDLE ? c.sourceHandle === c.targetHandle : true;
    return c.source !== c.target && (dependency || (tables && c.sourceHandle !== TABLE_HANDLES.dependencyOut));
  }, []);

  // A drag is one undo step: history pauses while it runs, then records the graph as it was before.
  const onNodeDragStart = useCallback(() => {
    dragSnapshot.current = store.getState().graph;
    store.temporal.getState().pause();
  }, [store]);
  const onNodeDragStop = useCallback(() => {
    store.temporal.getState().resume();
    const before = dragSnapshot.current;
    dragSnapshot.current = null;
    if (before && before !== store.getState().graph) {
      store.temporal.setState((t) => ({
        pastStates: [...t.pastStates, { graph: before }].slice(-200),
        futureStates: [],
      }));
    }
  }, [store]);

  const onPaneClick = useCallback(() => store.getState().select(null), [store]);

  return { onNodesChange, onEdgesChange, onConnect, isValidConnection, onNodeDragStart, onNodeDragStop, onPaneClick };
}
