import { findEntity } from "@/lib/mapping/model/catalog";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SANDBOX_EDITOR_USER_ID } from "@/lib/sandbox/sandbox-settings";
import { SandboxStore } from "@/lib/sandbox/store/sandbox-store";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { sandboxUserFor } from "./sandbox-person";
import { UpdateSandboxRecordInput } from "./sandbox-schemas";
import { acceptPageValues } from "./sandbox-values";

/**
 * Changes a record in a simulated system as a person would in its own UI: same validation as its API, a new
 * modified-on, and (CRM) the signed-in person's sandbox user as modifier, so the sync sees a real change to pick up.
 * `behindTheBack` instead changes only the stored values, as a direct database edit would: what reconciliation finds.
 */
export async function updateSandboxRecord(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ id: string; version: number }> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(UpdateSandboxRecordInput, args.input);
  const entity = findEntity(STATIC_CATALOGS[input.system], input.entity);
  if (!entity || entity.kind !== "table")
    throw new AppError("NOT_FOUND", `The ${input.system.toUpperCase()} sandbox has no entity ${input.entity}`);
  const data = acceptPageValues(entity, input.system, input.values, { creating: false });
  return withTransaction(ctx, async (tx) => {
    const store = new SandboxStore(tx as never, input.system);
    const existing = await store.get(entity.name, input.id);
    if (!existing) throw new AppError("NOT_FOUND", "That record does not exist (any more)");
    const changed = Object.keys(data).filter(
      (name) => JSON.stringify(existing.data[name] ?? null) !== JSON.stringify(data[name]),
    );
    if (input.behindTheBack) {
      await store.overwriteData(entity.name, existing.id, { ...existing.data, ...data });
      await writeAudit(tx, ctx.actor, {
        action: "sandbox.record.overwrite",
        targetType: `${input.system}.${entity.name}`,
        targetId: existing.id,
        details: { changed },
      });
      return { id: existing.id, version: existing.version };
    }
    const person =
      input.system === "crm" ? await sandboxUserFor(tx, ctx.actor, SANDBOX_EDITOR_USER_ID, new Date()) : null;
    const record = await store.write(entity.name, {
      id: existing.id,
      data: { ...existing.data, ...data },
      createdAt: existing.createdAt,
      modifiedBy: person?.id ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      action: "sandbox.record.update",
      targetType: `${input.system}.${entity.name}`,
      targetId: existing.id,
      details: { changed },
    });
    return { id: record.id, version: record.version };
  });
}
