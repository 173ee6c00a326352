import { z } from "zod";

export const DIRECTIONS = ["bidirectional", "erp-to-crm", "crm-to-erp"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DirectionSchema = z.enum(DIRECTIONS);

/** One way data moves in a pass; a bidirectional mapping has two. */
export const FLOWS = ["erp-to-crm", "crm-to-erp"] as const;
export type Flow = (typeof FLOWS)[number];
export const FlowSchema = z.enum(FLOWS);

export type Side = "erp" | "crm";

export function flowsOf(direction: Direction): Flow[] {
  return direction === "bidirectional" ? [...FLOWS] : [direction];
}

export function carries(direction: Direction, flow: Flow): boolean {
  return direction === "bidirectional" || direction === flow;
}

/** A field may move data only in flows its table mapping allows. */
export function fieldDirectionAllowed(table: Direction, field: Direction): boolean {
  return flowsOf(field).every((flow) => carries(table, flow));
}

export function sourceSide(flow: Flow): Side {
  return flow === "erp-to-crm" ? "erp" : "crm";
}

export function targetSide(flow: Flow): Side {
  return flow === "erp-to-crm" ? "crm" : "erp";
}

export function flowInto(side: Side): Flow {
  return side === "crm" ? "erp-to-crm" : "crm-to-erp";
}
