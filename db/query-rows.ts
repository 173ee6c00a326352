import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./drivers/types";

/** Raw SQL rows: all three drivers answer `{ rows }`, but the shared type cannot say so. */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
