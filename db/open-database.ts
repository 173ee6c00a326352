import { resolveDriver, type DriverChoice } from "./drivers/resolve-driver";
import type { DbHandle } from "./drivers/types";

/** Opens a fresh handle for the given choice; callers own closing it. */
export async function openDatabase(choice: DriverChoice = resolveDriver()): Promise<DbHandle> {
  switch (choice.driver) {
    case "pglite": {
      const { openPglite } = await import("./drivers/open-pglite");
      return openPglite(choice.dataDir);
    }
    case "postgres": {
      const { openPostgres } = await import("./drivers/open-postgres");
      return openPostgres(choice.url);
    }
    case "neon": {
      const { openNeon } = await import("./drivers/open-neon");
      return openNeon(choice.url);
    }
  }
}
