import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "./schema";
import { seedUsers, DEMO_USERS } from "./seed";
import { createTestDatabase, type TestDatabase } from "./test/test-database";
import { verifyPassword } from "@/lib/auth/password";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.drop()));
});
const fresh = async () => {
  const db = await createTestDatabase("pglite");
  opened.push(db);
  return db;
};

describe("seedUsers", () => {
  it("should create one demo user per role on the embedded default when the users table is empty", async () => {
    const handle = await fresh();
    expect(await seedUsers(handle, {})).toEqual(DEMO_USERS.map((u) => u.email));
    const rows = await handle.db.select().from(users);
    expect(rows.map((r) => r.role).sort()).toEqual(["admin", "consultant", "viewer"]);
    for (const demo of DEMO_USERS) {
      const row = rows.find((r) => r.email === demo.email)!;
      expect(await verifyPassword(row.passwordHash, demo.password)).toBe(true);
    }
  });

  it("should seed nothing when users already exist", async () => {
    const handle = await fresh();
    await seedUsers(handle, {});
    expect(await seedUsers(handle, {})).toEqual([]);
  });

  it("should replace the demo admin with ADMIN_EMAIL/ADMIN_PASSWORD when they are set", async () => {
    const handle = await fresh();
    const created = await seedUsers(handle, {
      ADMIN_EMAIL: "Boss@Company.test",
      ADMIN_PASSWORD: "a-real-admin-password",
    });
    expect(created).toEqual(["consultant@tandem.local", "viewer@tandem.local", "boss@company.test"]);
    const [boss] = await handle.db.select().from(users).where(eq(users.email, "boss@company.test"));
    expect(boss!.role).toBe("admin");
    expect(await verifyPassword(boss!.passwordHash, "a-real-admin-password")).toBe(true);
  });

  it("should seed no demo account on the embedded default when the server listens beyond loopback", async () => {
    const handle = await fresh();
    expect(await seedUsers(handle, { TANDEM_LISTEN_HOST: "0.0.0.0" })).toEqual([]);
    expect(
      await seedUsers(handle, {
        TANDEM_LISTEN_HOST: "0.0.0.0",
        ADMIN_EMAIL: "ops@company.test",
        ADMIN_PASSWORD: "a-real-admin-password",
      }),
    ).toEqual(["ops@company.test"]);
    expect((await handle.db.select().from(users)).map((r) => r.email)).toEqual(["ops@company.test"]);
  });

  it("should seed the demo accounts beyond loopback when TANDEM_DEMO=1 asks for them", async () => {
    const handle = await fresh();
    expect(await seedUsers(handle, { TANDEM_LISTEN_HOST: "0.0.0.0", TANDEM_DEMO: "1" })).toEqual(
      DEMO_USERS.map((u) => u.email),
    );
  });

  it("should seed the demo accounts when the server listens on a loopback address", async () => {
    const handle = await fresh();
    expect(await seedUsers(handle, { TANDEM_LISTEN_HOST: "127.0.0.1" })).toEqual(DEMO_USERS.map((u) => u.email));
  });

  it("should create only the env admin on a server database when demo mode is off", async () => {
    const handle = await fresh();
    const asServer = { ...handle, driver: "postgres" as const };
    expect(await seedUsers(asServer, {})).toEqual([]);
    expect(
      await seedUsers(asServer, { ADMIN_EMAIL: "ops@company.test", ADMIN_PASSWORD: "a-real-admin-password" }),
    ).toEqual(["ops@company.test"]);
  });
});
