import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connections, sandboxRecords } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { prepareIntegration } from "./first-start";

const SERVER = { DATABASE_URL: "postgres://tandem@db.example.test:5432/tandem" };

describe("first start", () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase("pglite");
  });
  afterEach(() => database.drop());

  const counts = async () => {
    const [records] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sandboxRecords);
    const rows = await database.db.select({ kind: connections.kind }).from(connections);
    return { records: records!.n, sandboxConnections: rows.filter((r) => r.kind === "sandbox").length };
  };

  it("should seed no sandbox and add no sandbox connection when DATABASE_URL is set", async () => {
    const done = await prepareIntegration(database.db, SERVER);
    expect(done).toEqual(["standard template published as version 1"]);
    expect(await counts()).toEqual({ records: 0, sandboxConnections: 0 });
  });

  it("should seed the sandboxes and connect to both when DATABASE_URL is set with TANDEM_SANDBOX=1", async () => {
    await prepareIntegration(database.db, { ...SERVER, TANDEM_SANDBOX: "1" });
    const after = await counts();
    expect(after.records).toBeGreaterThan(0);
    expect(after.sandboxConnections).toBe(2);
  });

  it("should seed the sandboxes and connect to both when no DATABASE_URL is set", async () => {
    await prepareIntegration(database.db, {});
    expect((await counts()).sandboxConnections).toBe(2);
  });
});
