import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { startNeonWsProxy, type NeonWsProxy } from "../neon-ws-proxy";
import { migrateDatabase } from "../migrate";
import { openDatabase } from "../open-database";
import type { DbDriver } from "../drivers/resolve-driver";
import type { DbHandle } from "../drivers/types";

/**
 * The drivers this run can test: PGlite always; node-postgres with TEST_DATABASE_URL; the Neon driver through
 * the local WebSocket proxy with TEST_NEON_URL (a plain Postgres URL the proxy forwards to).
 */
export function availableDrivers(env = process.env): DbDriver[] {
  return [
    "pglite",
    ...(env.TEST_DATABASE_URL ? (["postgres"] as const) : []),
    ...(env.TEST_NEON_URL ? (["neon"] as const) : []),
  ];
}

export type TestDatabase = DbHandle & { drop: () => Promise<void> };

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the test server dropped afterwards. */
export async function createTestDatabase(driver: DbDriver, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let handle: DbHandle;
  let cleanup = async () => {};
  if (driver === "pglite") {
    handle = await openDatabase({ driver: "pglite", dataDir: null });
  } else {
    const serverUrl = (driver === "postgres" ? process.env.TEST_DATABASE_URL : process.env.TEST_NEON_URL)!;
    const name = `tandem_t_${randomBytes(6).toString("hex")}`;
    await withAdmin(serverUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    let proxy: NeonWsProxy | undefined;
    if (driver === "neon" && !process.env.NEON_WS_PROXY) {
      proxy = await startNeonWsProxy();
      process.env.NEON_WS_PROXY = `127.0.0.1:${proxy.port}/v1`;
    }
    handle = await openDatabase({ driver, url: url.toString() });
    cleanup = async () => {
      if (proxy) {
        await proxy.close();
        delete process.env.NEON_WS_PROXY;
      }
      await withAdmin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    };
  }
  if (options.migrate !== false) await migrateDatabase(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

/** Runs the suite once per available driver, each on its own fresh database. */
export function describeEachDriver(name: string, suite: (db: () => TestDatabase, driver: DbDriver) => void): void {
  for (const driver of availableDrivers()) {
    describe(`${name} [${driver}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(driver);
      });
      afterAll(async () => {
        await database?.drop();
      });
      suite(() => {
        if (!database) throw new Error("test database not ready");
        return database;
      }, driver);
    });
  }
}
