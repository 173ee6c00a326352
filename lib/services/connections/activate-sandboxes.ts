import { and, eq, ne } from "drizzle-orm";
import { connections } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ensureSandboxConnections } from "@/lib/integration/integration-connections";
import { sandboxEnabled } from "@/lib/sandbox/sandbox-enabled";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";

/** "Use the built-in sandboxes": both sandbox connections become active again (their old pair, if any, with them). */
export async function activateSandboxConnections({ ctx }: { ctx: ServiceContext }): Promise<{ activated: number }> {
  requireRole(ctx, "admin");
  if (!sandboxEnabled()) throw new AppError("CONFLICT", "The sandboxes are off on this server (TANDEM_SANDBOX).");
  await ensureSandboxConnections(ctx.db);
  return withTransaction(ctx, async (tx) => {
    let activated = 0;
    for (const system of ["erp", "crm"] as const) {
      const [sandbox] = await tx
        .select()
        .from(connections)
        .where(and(eq(connections.system, system), eq(connections.kind, "sandbox")));
      if (!sandbox || sandbox.active) continue;
      await tx
        .update(connections)
        .set({ active: false })
        .where(and(eq(connections.system, system), ne(connections.id, sandbox.id)));
      await tx.update(connections).set({ active: true, updatedAt: new Date() }).where(eq(connections.id, sandbox.id));
      activated++;
    }
    await writeAudit(tx, ctx.actor, {
      action: "connection.use-sandboxes",
      targetType: "connection",
      details: { activated },
    });
    return { activated };
  });
}
