import type { DbOrTx } from "@/db/drivers/types";
import { auditLog } from "@/db/schema";
import type { Actor } from "../context";

export type AuditEvent = {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
};

/** Written inside the verb's transaction: if the audit row fails, the change rolls back with it. */
export async function writeAudit(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.kind === "user" ? actor.email : actor.label,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    details: event.details ?? {},
  });
}
