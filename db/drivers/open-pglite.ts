import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../schema";
import type { Database, DbHandle } from "./types";
import { acquireDirLock } from "./dir-lock";

/** Opens PGlite in `dataDir`, or in memory when it is null (tests). */
export async function openPglite(dataDir: string | null): Promise<DbHandle> {
  let release = () => {};
  let client: PGlite;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireDirLock(dataDir);
    client = new PGlite(path.join(dataDir, "pgdata"));
  } else {
    client = new PGlite();
  }
  try {
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    queue: { kind: "pglite", client },
    // One process per directory already (dir-lock), so there is no one to race.
    withExclusiveLock: (fn) => fn(),
    close: async () => {
      await client.close();
      release();
    },
  };
}
