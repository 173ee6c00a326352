"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/lib/utils/cn";
import type { ConstantFlowNode } from "../canvas/flow-types";
import { ProblemBadge, problemRing } from "./problem-badge";

function ConstantNodeView({ data, selected }: NodeProps<ConstantFlowNode>) {
  const { node, problems } = data;
  return (
    <div
      className={cn(
        "flex w-40 items-center gap-1 rounded-full border border-slate-400 bg-slate-50 px-3 py-2 text-xs",
        selected && "outline outline-2 outline-blue-500",
        problemRing(problems),
      )}
    >
      <span className="min-w-0 flex-1 truncate font-mono" title={JSON.stringify(node.data.value)}>
        = {JSON.stringify(node.data.value)}
      </span>
      <ProblemBadge problems={problems} />
      <Handle
        id="value"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="!h-2 !w-2 !bg-slate-500"
      />
    </div>
  );
}

export const ConstantNodeComponent = memo(ConstantNodeView);
