"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { Filter } from "lucide-react";
import { memo } from "react";
import { cn } from "@/lib/utils/cn";
import type { FilterFlowNode } from "../canvas/flow-types";
import { ProblemBadge, problemRing } from "./problem-badge";

function FilterNodeView({ data, selected }: NodeProps<FilterFlowNode>) {
  const { node, text, problems } = data;
  return (
    <div
      data-testid={`filter-${node.id}`}
      className={cn(
        "w-[220px] rounded-md border border-amber-400 bg-amber-50 px-2 py-1.5 text-xs shadow-sm",
        selected && "outline outline-2 outline-blue-500",
        problemRing(problems),
      )}
    >
      <div className="flex items-center gap-1 font-semibold">
        <Filter className="h-3.5 w-3.5" aria-hidden />
        <span className="flex-1">{node.data.side === "erp" ? "ERP" : "CRM"} filter</span>
        <ProblemBadge problems={problems} />
      </div>
      <code className="mt-1 block truncate font-mono text-[10px] text-muted-foreground" title={text}>
        {text}
      </code>
      <Handle type="source" position={Position.Top} isConnectable={false} className="!bg-transparent !border-0" />
    </div>
  );
}

export const FilterNodeComponent = memo(FilterNodeView);
