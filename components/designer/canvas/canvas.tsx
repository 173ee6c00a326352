"use client";
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { EDGE_TYPES } from "../edges";
import { NODE_TYPES } from "../nodes";
import { useDesigner } from "../store/designer-context";
import type { DesignerFlowEdge, DesignerFlowNode } from "./flow-types";
import { useCanvasHandlers } from "./use-canvas-handlers";
import { useFlowElements } from "./use-flow-elements";

const MINIMAP_COLOR: Record<string, string> = {
  entity: "#bae6fd",
  "table-mapping": "#5eead4",
  filter: "#fde68a",
  constant: "#e2e8f0",
};

export function Canvas() {
  const { nodes, edges, setMeasured, large } = useFlowElements();
  const handlers = useCanvasHandlers(setMeasured);
  const readOnly = useDesigner((s) => s.readOnly);
  const focusNodeId = useDesigner((s) => s.focusNodeId);
  const clearFocus = useDesigner((s) => s.clearFocus);
  const flow = useReactFlow();

  useEffect(() => {
    if (!focusNodeId) return;
    void flow.fitView({ nodes: [{ id: focusNodeId }], duration: 300, maxZoom: 1.2, padding: 0.4 });
    clearFocus();
  }, [focusNodeId, flow, clearFocus]);

  return (
    <div className="h-full w-full" data-testid="designer-canvas" aria-label="Mapping canvas">
      <ReactFlow<DesignerFlowNode, DesignerFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        {...handlers}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        onlyRenderVisibleElements={large}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.05}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => MINIMAP_COLOR[n.type ?? ""] ?? "#e2e8f0"} ariaLabel="Minimap" />
      </ReactFlow>
    </div>
  );
}
