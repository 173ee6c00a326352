import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { notificationDeliveries, type DeliveryStatus, type NotificationEvent } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";

export const ListDeliveriesInput = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    status: z.enum(["pending", "delivered", "failed"], { message: "not a delivery status" }).optional(),
  })
  .default({ limit: 50 });

/** A delivery as a table shows it: never its URL, which may hold a token. */
export type DeliveryRow = {
  id: string;
  event: NotificationEvent;
  subject: string;
  summary: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
};

/** The newest deliveries, newest first. */
export async function listDeliveries(args: { ctx: ServiceContext; input?: unknown }): Promise<DeliveryRow[]> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const input = parseInput(ListDeliveriesInput, args.input);
  const d = notificationDeliveries;
  const rows = await ctx.db
    .select({
      id: d.id,
      event: d.event,
      subject: d.subject,
      payload: d.payload,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      failedAt: d.failedAt,
    })
    .from(d)
    .where(input.status ? eq(d.status, input.status) : undefined)
    .orderBy(desc(d.createdAt))
    .limit(input.limit);
  return rows.map(({ payload, ...row }) => ({ ...row, summary: String(payload.summary ?? "") }));
}
