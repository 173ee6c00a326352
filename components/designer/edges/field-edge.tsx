"use client";
import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { FieldFlowEdge } from "../canvas/flow-types";

/** A field mapping; arrows show which way data moves, red or amber when it has problems, dashed when disabled. */
function FieldEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerStart,
  markerEnd,
  selected,
  data,
}: EdgeProps<FieldFlowEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const problems = data?.problems ?? [];
  const error = problems.some((d) => d.severity === "error");
  const stroke = error ? "#dc2626" : problems.length ? "#d97706" : selected ? "#2563eb" : "#0f766e";
  const enabled = data?.edge.data.enabled !== false;
  const transformed = Boolean(data?.edge.data.transforms?.length);
  return (
    <BaseEdge
      id={id}
      path={path}
      markerStart={markerStart}
      markerEnd={markerEnd}
      interactionWidth={12}
      style={{
        stroke,
        strokeWidth: selected ? 2.5 : transformed ? 2 : 1.5,
        strokeDasharray: enabled ? undefined : "4 4",
      }}
    />
  );
}

export const FieldEdgeComponent = memo(FieldEdgeView);
