"use client";
import { BaseEdge, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { DependencyFlowEdge, LinkFlowEdge } from "../canvas/flow-types";

/** "Runs before": from the mapping that must finish first to the one that needs it. */
function DependencyEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  selected,
  data,
}: EdgeProps<DependencyFlowEdge>) {
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const error = data?.problems.some((d) => d.severity === "error");
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      interactionWidth={12}
      style={{
        stroke: error ? "#dc2626" : selected ? "#2563eb" : "#64748b",
        strokeWidth: selected ? 2.5 : 1.5,
        strokeDasharray: "6 3",
      }}
    />
  );
}

/** An entity or filter to its table mapping: structure only, not an element people edit. */
function LinkEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<LinkFlowEdge>) {
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return <BaseEdge id={id} path={path} style={{ stroke: "#cbd5e1", strokeWidth: 2 }} />;
}

export const DependencyEdgeComponent = memo(DependencyEdgeView);
export const LinkEdgeComponent = memo(LinkEdgeView);
