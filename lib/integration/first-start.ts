import type { Database } from "@/db/client";
import { sandboxEnabled } from "@/lib/sandbox/sandbox-enabled";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { ensureSandboxConnections } from "./integration-connections";
import { ensureTemplatePublished } from "./published-config";

/**
 * What a fresh installation needs before the first sync: the demo systems and a connection to each (when the
 * sandboxes are on, see sandboxEnabled), and the standard template published as version 1. Each step does nothing
 * once done. Returns what it did.
 */
export async function prepareIntegration(
  db: Database,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  const done: string[] = [];
  if (sandboxEnabled(env)) {
    if (await seedSandboxIfEmpty(db)) done.push("sandboxes seeded with the demo company");
    if (await ensureSandboxConnections(db)) done.push("sandbox connections added");
  }
  if (await ensureTemplatePublished(db)) done.push("standard template published as version 1");
  return done;
}
