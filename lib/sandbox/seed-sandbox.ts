import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers/types";
import { sandboxRecords } from "@/db/schema";
import type { SystemSide } from "@/db/schema/enums";
import { demoData } from "./demo/demo-data";
import { SandboxStore } from "./store/sandbox-store";

export type SeedSummary = Record<SystemSide, Record<string, number>>;

function stores(db: Database): Record<SystemSide, SandboxStore> {
  return { erp: new SandboxStore(db, "erp"), crm: new SandboxStore(db, "crm") };
}

/** Clears both sandboxes and loads the CRONUS-like demo company. */
export async function resetSandbox(db: Database, now = new Date()): Promise<SeedSummary> {
  const data = demoData(now);
  const summary: SeedSummary = { erp: {}, crm: {} };
  for (const [system, store] of Object.entries(stores(db)) as [SystemSide, SandboxStore][]) {
    await store.clear();
    for (const [entity, records] of Object.entries(data[system])) {
      await store.insertMany(entity, records, now);
      summary[system][entity] = records.length;
    }
  }
  return summary;
}

/** First start: the demo company, unless the sandboxes already hold something. */
export async function seedSandboxIfEmpty(db: Database): Promise<SeedSummary | null> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sandboxRecords);
  return row && row.n > 0 ? null : resetSandbox(db);
}
