import { migrateDatabase } from "./migrate";
import { seedUsers } from "./seed";
import type { DbHandle } from "./drivers/types";

/** What every process does on opening the database: migrate, then the first-start seed. */
export async function prepareDatabase(handle: DbHandle): Promise<void> {
  await migrateDatabase(handle);
  const created = await seedUsers(handle);
  if (created.length) console.log(`[tandem] seeded users: ${created.join(", ")}`);
}
