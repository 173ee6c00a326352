import type { Database } from "@/db/drivers/types";
import { resetSandbox, seedSandboxIfEmpty, type SeedSummary } from "@/lib/sandbox/seed-sandbox";
import { seedScale, type ScaleSummary } from "@/lib/sandbox/seed-scale";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { SeedSandboxesInput } from "./sandbox-schemas";

/**
 * Loads the demo company into both sandboxes if they are empty, then tops generated customers and accounts up to
 * `customers` (benchmarks). All or nothing, with its audit row.
 */
export async function seedSandboxes(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ demo: SeedSummary | null; scaled: ScaleSummary | null }> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(SeedSandboxesInput, args.input);
  return withTransaction(ctx, async (tx) => {
    // The seeding functions take a database; inside the transaction they run on it.
    const db = tx as unknown as Database;
    const demo = await seedSandboxIfEmpty(db);
    const scaled = input.customers > 0 ? await seedScale(db, { customers: input.customers }) : null;
    await writeAudit(tx, ctx.actor, {
      action: "sandbox.seed",
      targetType: "sandbox",
      details: { demo: demo !== null, customers: input.customers, added: scaled?.erp.customers ?? 0 },
    });
    return { demo, scaled };
  });
}

/** Empties both sandboxes and loads the demo company again, with its audit row. */
export async function resetSandboxes(args: { ctx: ServiceContext; input?: unknown }): Promise<SeedSummary> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  return withTransaction(ctx, async (tx) => {
    const summary = await resetSandbox(tx as unknown as Database);
    await writeAudit(tx, ctx.actor, { action: "sandbox.reset", targetType: "sandbox" });
    return summary;
  });
}
