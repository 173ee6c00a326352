import { desc } from "drizzle-orm";
import { z } from "zod";
import { auditLog, type AuditEntry } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";

const ListAuditLogInput = z.object({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 });

export async function listAuditLog(args: { ctx: ServiceContext; input?: unknown }): Promise<AuditEntry[]> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(ListAuditLogInput, args.input ?? {});
  return ctx.db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(input.limit);
}
