import path from "node:path";
import { projectRoot } from "./drivers/resolve-driver";
import type { DbHandle } from "./drivers/types";

export function migrationsFolder(): string {
  return process.env.TANDEM_MIGRATIONS_DIR ?? path.join(projectRoot(), "db", "migrations");
}

/** Applies pending drizzle-kit migrations; safe to call from several instances at once. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  await handle.withExclusiveLock(async () => {
    switch (handle.driver) {
      case "pglite": {
        const { migrate } = await import("drizzle-orm/pglite/migrator");
        await migrate(handle.db as never, config);
        break;
      }
      case "postgres": {
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(handle.db as never, config);
        break;
      }
      case "neon": {
        const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
        await migrate(handle.db as never, config);
        break;
      }
    }
  });
}
