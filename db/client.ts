import { openDatabase } from "./open-database";
import { prepareDatabase } from "./prepare";
import type { DbHandle } from "./drivers/types";

export type { Database, DbHandle, DbOrTx, Transaction } from "./drivers/types";

// Next may evaluate this module in several bundles of one process; one handle per process lives on globalThis.
const KEY = Symbol.for("tandem.db");
type Holder = { [KEY]?: Promise<DbHandle> };

async function prepare(): Promise<DbHandle> {
  const handle = await openDatabase();
  try {
    await prepareDatabase(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** The process's database, migrated and seeded on first use; the driver follows the environment. */
export function getDb(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= prepare().catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  if (pending) await (await pending).close();
}
