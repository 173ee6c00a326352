import { prepareDatabase } from "@/db/prepare";
import { openDatabase } from "@/db/open-database";
import type { DbHandle } from "@/db/drivers/types";

/** Opens the configured database, brings it up to date (migrations, first-start seed), runs `fn`, and always closes it. */
export async function withCliDatabase<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase();
  try {
    await prepareDatabase(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
