"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { ArrowLeft, ArrowLeftRight, ArrowRight } from "lucide-react";
import { memo } from "react";
import { cn } from "@/lib/utils/cn";
import { TABLE_HANDLES, type TableFlowNode } from "../canvas/flow-types";
import { ProblemBadge, problemRing } from "./problem-badge";

const DIRECTION_ICON = { bidirectional: ArrowLeftRight, "erp-to-crm": ArrowRight, "crm-to-erp": ArrowLeft } as const;

/** A table mapping between its two entities; dependencies connect bottom (runs first) to top (runs after). */
function TableMappingNodeView({ data, selected }: NodeProps<TableFlowNode>) {
  const { node, erpEntity, crmEntity, fieldCount, problems } = data;
  const Icon = DIRECTION_ICON[node.data.direction];
  return (
    <div
      data-testid={`mapping-${node.data.name}`}
      className={cn(
        "w-[220px] rounded-lg border-2 border-teal-600 bg-white px-3 py-2 text-xs shadow",
        selected && "outline outline-2 outline-blue-500",
        problemRing(problems),
      )}
      style={{ minHeight: 96 }}
    >
      <Handle
        id={TABLE_HANDLES.dependencyIn}
        type="target"
        position={Position.Top}
        className="!h-2.5 !w-2.5 !bg-slate-500"
        aria-label="Runs after"
      />
      <Handle
        id={TABLE_HANDLES.erp}
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="!bg-transparent !border-0"
      />
      <Handle
        id={TABLE_HANDLES.crm}
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="!bg-transparent !border-0"
      />
      <Handle
        id={TABLE_HANDLES.filter}
        type="target"
        position={Position.Bottom}
        isConnectable={false}
        className="!bg-transparent !border-0"
        style={{ left: "25%" }}
      />
      <div className="flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-bold tracking-wide">{node.data.name}</span>
        <ProblemBadge problems={problems} />
      </div>
      <div className="mt-1 flex items-center gap-1 text-muted-foreground">
        <span className="truncate">{erpEntity}</span>
        <Icon className="h-3.5 w-3.5 shrink-0" aria-label={node.data.direction} />
        <span className="truncate">{crmEntity}</span>
      </div>
      <div className="mt-1 flex flex-wrap gap-1 text-[10px]">
        <span className="rounded bg-muted px-1">{fieldCount} fields</span>
        {node.data.syncOnlyCoupled ? (
          <span className="rounded bg-muted px-1">coupled only</span>
        ) : (
          <span className="rounded bg-muted px-1">creates</span>
        )}
        {node.data.schedule && (
          <span className="rounded bg-muted px-1">every {node.data.schedule.everyMinutes} min</span>
        )}
      </div>
      <Handle
        id={TABLE_HANDLES.dependencyOut}
        type="source"
        position={Position.Bottom}
        className="!h-2.5 !w-2.5 !bg-slate-500"
        aria-label="Runs before"
      />
    </div>
  );
}

export const TableMappingNodeComponent = memo(TableMappingNodeView);
