import { sql, type SQL } from "drizzle-orm";
import type { Db } from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/query-rows";

/**
 * pg-boss statements on a drizzle transaction, so a job is queued if and only if the transaction commits. pg-boss
 * numbers its parameters `$1…`; each becomes a drizzle parameter, which works on all three drivers.
 */
export function transactionExecutor(tx: DbOrTx): Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const parts = text.split(/\$(\d+)/);
      const query: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`));
      return { rows: await queryRows(tx, sql.join(query)) };
    },
  };
}
