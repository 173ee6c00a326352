import type { Database } from "@/db/client";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { ensureSandboxConnections } from "./integration-connections";
import { ensureTemplatePublished } from "./published-config";

/**
 * What a fresh installation needs before the first sync: the demo systems (unless TANDEM_SANDBOX=0), a connection to
 * each, and the standard template published as version 1. Each step does nothing once done. Returns what it did.
 */
export async function prepareIntegration(
  db: Database,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  const done: string[] = [];
  if (env.TANDEM_SANDBOX !== "0") {
    if (await seedSandboxIfEmpty(db)) done.push("sandboxes seeded with the demo company");
    if (await ensureSandboxConnections(db)) done.push("sandbox connections added");
  }
  if (await ensureTemplatePublished(db)) done.push("standard template published as version 1");
  return done;
}
