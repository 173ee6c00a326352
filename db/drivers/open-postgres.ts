import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema";
import type { Database, DbHandle } from "./types";
import { poolLock } from "./pool-lock";

export async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    close: () => pool.end(),
    withExclusiveLock: poolLock(pool),
    queue: { kind: "url", url },
  };
}
