import type { Database } from "@/db/drivers/types";
import { configureSandbox } from "@/lib/sandbox/configure-sandbox";
import type { SandboxSettingsInput } from "@/lib/sandbox/sandbox-settings";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { ConfigureSandboxInput } from "./sandbox-schemas";

/** Stores a sandbox's limits and fault injection over its defaults (`{}` restores them), with its audit row. */
export async function configureSandboxSettings(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<SandboxSettingsInput> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(ConfigureSandboxInput, args.input);
  return withTransaction(ctx, async (tx) => {
    const saved = await configureSandbox(tx as unknown as Database, input.system, input.settings);
    await writeAudit(tx, ctx.actor, {
      action: "sandbox.configure",
      targetType: "sandbox",
      targetId: input.system,
      details: { settings: saved },
    });
    return saved;
  });
}
