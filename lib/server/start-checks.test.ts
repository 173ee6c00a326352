import { eq } from "drizzle-orm";
import { afterEach, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { DEMO_USERS, seedUsers } from "@/db/seed";
import { describeEachDriver } from "@/db/test/test-database";
import { systemActor } from "@/lib/services/context";
import { createUser } from "@/lib/services/users/create-user";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { setUserPassword } from "@/lib/services/users/set-user-password";
import { AppError } from "@/lib/errors";
import { usableDemoAccounts } from "./demo-exposure";
import { checkDemoAccountsAtStart, refuseToStartOnConfigurationError } from "./start-checks";

const NETWORK = { TANDEM_LISTEN_HOST: "0.0.0.0" };
const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachDriver("checkDemoAccountsAtStart", (database) => {
  // The suite shares one database: each test starts from an empty users table seeded as the embedded default.
  const seeded = async () => {
    const { db } = database();
    await db.delete(users);
    await seedUsers({ ...database(), driver: "pglite" }, {});
    return db;
  };

  it("should pass quietly when the server listens on loopback with the demo accounts", async () => {
    const db = await seeded();
    expect(await checkDemoAccountsAtStart(db, { TANDEM_LISTEN_HOST: "127.0.0.1" })).toBeNull();
    expect(await checkDemoAccountsAtStart(db, {})).toBeNull();
  });

  it("should refuse to start, naming every demo account, when the server listens beyond loopback", async () => {
    const db = await seeded();
    const refusal = checkDemoAccountsAtStart(db, NETWORK);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: "CONFIGURATION" });
    await expect(refusal).rejects.toThrow(DEMO_EMAILS.join(", "));
  });

  it("should end the process with the message when the refusal reaches the start step", async () => {
    const db = await seeded();
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await refuseToStartOnConfigurationError(() => checkDemoAccountsAtStart(db, NETWORK));
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls[0]![0]).toMatch(/^\[tandem\] cannot start: this server listens on 0\.0\.0\.0/);
  });

  it("should start with a warning when TANDEM_DEMO=1 keeps the demo accounts on the network", async () => {
    const db = await seeded();
    const warning = await checkDemoAccountsAtStart(db, { ...NETWORK, TANDEM_DEMO: "1" });
    expect(warning).toMatch(/^WARNING: listening on 0\.0\.0\.0 with TANDEM_DEMO=1/);
    expect(warning).toContain(DEMO_EMAILS.join(", "));
  });

  it("should start on the network when every demo account is disabled or has a password of its own", async () => {
    const db = await seeded();
    const ctx = { db, actor: systemActor("test") };
    await createUser({
      ctx,
      input: { email: "ops@company.test", name: "Ops", role: "admin", password: "a-real-admin-password" },
    });
    const id = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
    await setUserDisabled({ ctx, input: { userId: await id("admin@tandem.local"), disabled: true } });
    await setUserDisabled({ ctx, input: { userId: await id("viewer@tandem.local"), disabled: true } });
    expect(await usableDemoAccounts(db)).toEqual(["consultant@tandem.local"]);
    await setUserPassword({
      ctx,
      input: { userId: await id("consultant@tandem.local"), password: "not-the-published-one" },
    });
    expect(await usableDemoAccounts(db)).toEqual([]);
    expect(await checkDemoAccountsAtStart(db, NETWORK)).toBeNull();
  });
});
