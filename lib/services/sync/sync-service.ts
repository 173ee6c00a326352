import { writeAudit, type AuditEvent } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { openEngine } from "@/lib/integration/open-engine";
import type { EngineContext } from "@/lib/sync/engine/engine-context";

/**
 * The common tail of sync verbs (after the role check and input parsing): the audit row, then the engine on the
 * published config. The work spans two external systems, so it cannot share one database transaction with the audit.
 */
export async function withEngine<T>(
  ctx: ServiceContext,
  audit: AuditEvent | null,
  run: (engine: EngineContext) => Promise<T>,
): Promise<T> {
  const engine = await openEngine(ctx.db);
  if (audit) await writeAudit(ctx.db, ctx.actor, audit);
  return run(engine);
}

export const actorId = (ctx: ServiceContext): string | null => (ctx.actor.kind === "user" ? ctx.actor.id : null);
