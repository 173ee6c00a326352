"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/lib/utils/cn";
import { ENTITY_HANDLE } from "../graph-ops/connect-fields";
import { useDesigner } from "../store/designer-context";
import type { EntityFlowNode } from "../canvas/flow-types";
import { ProblemBadge, problemRing } from "./problem-badge";

const SYSTEM_LABEL = { erp: "Business Central", crm: "Dynamics 365 Sales" } as const;

/** An entity with a handle per field: ERP fields connect from the right, CRM fields are reached on the left. */
function EntityNodeView({ data, selected }: NodeProps<EntityFlowNode>) {
  const { node, entity, rows, total, expanded, compact, problems } = data;
  const erp = node.data.system === "erp";
  const toggle = useDesigner((s) => s.toggleExpanded);
  const side = erp ? Position.Right : Position.Left;
  return (
    <div
      data-testid={`entity-${node.id}`}
      className={cn(
        "w-60 rounded-md border bg-card text-xs shadow-sm",
        erp ? "border-sky-300" : "border-violet-300",
        selected && "outline outline-2 outline-blue-500",
        problemRing(problems),
      )}
    >
      <div
        className={cn("relative flex items-center gap-2 rounded-t-md px-2 py-1.5", erp ? "bg-sky-50" : "bg-violet-50")}
        style={{ height: 44 }}
      >
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-semibold">{entity?.label ?? node.data.entity}</div>
          <div className="truncate text-[10px] text-muted-foreground">
            {SYSTEM_LABEL[node.data.system]} · {node.data.entity}
          </div>
        </div>
        <ProblemBadge problems={problems} />
        <Handle
          id={ENTITY_HANDLE}
          type={erp ? "source" : "target"}
          position={side}
          className="!h-3 !w-3 !bg-slate-500"
          aria-label={`Connect ${node.data.entity}`}
        />
      </div>
      <ul aria-label={`Fields of ${node.data.entity}`}>
        {rows.map((row) => (
          <li
            key={row.name}
            className={cn("relative flex items-center gap-2 border-t px-2", !row.known && "text-red-600")}
            style={{ height: 24 }}
            data-field={row.name}
          >
            <span className={cn("min-w-0 flex-1 truncate", row.mapped && "font-medium")}>{row.label}</span>
            <span className="text-[10px] text-muted-foreground">{row.type}</span>
            <Handle
              id={row.name}
              type={erp ? "source" : "target"}
              position={side}
              className={cn("!h-2.5 !w-2.5", row.mapped ? "!bg-teal-600" : "!bg-slate-300")}
            />
            {/* Constants write into ERP fields too: a target handle on the other edge, not for drawing. */}
            {erp && (
              <Handle
                id={row.name}
                type="target"
                position={Position.Left}
                isConnectable={false}
                className="!h-1 !w-1 !border-0 !bg-transparent"
              />
            )}
          </li>
        ))}
      </ul>
      {!compact && (
        <button
          type="button"
          className="nodrag w-full border-t px-2 py-1 text-left text-[11px] text-blue-700 hover:bg-muted"
          onClick={() => toggle(node.id)}
          aria-expanded={expanded}
        >
          {expanded ? "Show mapped fields only" : `Show all ${total} fields`}
        </button>
      )}
    </div>
  );
}

export const EntityNodeComponent = memo(EntityNodeView);
