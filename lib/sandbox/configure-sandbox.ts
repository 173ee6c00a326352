import { z } from "zod";
import type { Database } from "@/db/drivers/types";
import { sandboxSettings } from "@/db/schema";
import { SYSTEMS } from "@/db/schema/enums";
import { parseInput } from "@/lib/validation";
import { SandboxSettingsSchema, type SandboxSettingsInput } from "./sandbox-settings";

// Credentials and the application user stay as seeded; what a person tunes is limits and faults.
const Tunable = SandboxSettingsSchema.pick({
  tokenLifetimeSeconds: true,
  throttle: true,
  concurrency: true,
  faults: true,
  relativeNextLinks: true,
  applicationUserMayImpersonate: true,
  recordCountSnapshotSeconds: true,
  deniedReads: true,
})
  .partial()
  .strict();

/** Stores a sandbox's tunable settings over the defaults; a running app picks them up within a second. */
export async function configureSandbox(
  db: Database,
  system: unknown,
  settings: unknown,
): Promise<SandboxSettingsInput> {
  const side = parseInput(z.enum(SYSTEMS, { error: "The sandbox is erp or crm" }), system);
  const parsed = parseInput(Tunable, settings);
  await db
    .insert(sandboxSettings)
    .values({ system: side, settings: parsed, updatedAt: new Date() })
    .onConflictDoUpdate({ target: sandboxSettings.system, set: { settings: parsed, updatedAt: new Date() } });
  return parsed;
}
