import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { signInAttempts } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { describeEachDriver } from "@/db/test/test-database";
import { authenticate } from "./authenticate";

describeEachDriver("authenticate", (database) => {
  it("should return the user when the e-mail (any case) and password match", async () => {
    const { db } = database();
    const user = await makeUser(db, { role: "consultant" });
    const result = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: "consultant" } });
  });

  it.each([
    ["the password is wrong", async (email: string) => ({ email, password: "wrong-password" })],
    ["the e-mail is unknown", async () => ({ email: "nobody@example.test", password: TEST_PASSWORD })],
    ["the password is empty", async (email: string) => ({ email, password: "" })],
  ])("should refuse when %s", async (_label, credentials) => {
    const { db } = database();
    const user = await makeUser(db);
    expect(await authenticate(db, await credentials(user.email), "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("should refuse a disabled user even with the right password", async () => {
    const { db } = database();
    const user = await makeUser(db, { disabled: true });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.0.0.3")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("should refuse even the right password when five failures for that e-mail came first", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await authenticate(db, { email: user.email, password: "wrong-password" }, `10.1.0.${i}`, now);
    const locked = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.1.1.1", now);
    expect(locked).toMatchObject({ ok: false, reason: "rate-limited" });
    // Once the window has passed, the right password works again.
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.1.1.1", later)).toMatchObject({
      ok: true,
    });
  });

  it("should record every attempt with its outcome when checking credentials", async () => {
    const { db } = database();
    const user = await makeUser(db);
    await authenticate(db, { email: user.email, password: "wrong-password" }, "10.2.0.1");
    await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.2.0.1");
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows.map((r) => r.succeeded).sort()).toEqual([false, true]);
  });

  it("should refuse any e-mail from an address when that address failed twenty times", async () => {
    const { db } = database();
    const now = new Date();
    for (let i = 0; i < 20; i++)
      await authenticate(db, { email: `guess-${i}@example.test`, password: "wrong-password" }, "203.0.113.9", now);
    const user = await makeUser(db);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "203.0.113.9", now)).toMatchObject({
      reason: "rate-limited",
    });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "198.51.100.1", now)).toMatchObject({
      ok: true,
    });
  });

  it("should not lock everyone out when failures come with no known address", async () => {
    const { db } = database();
    const now = new Date();
    for (let i = 0; i < 25; i++)
      await authenticate(db, { email: `nobody-${i}@example.test`, password: "wrong-password" }, null, now);
    const user = await makeUser(db);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, null, now)).toMatchObject({
      ok: true,
    });
  });

  it("should forget attempts older than a day when recording a new one", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const longAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    await authenticate(db, { email: user.email, password: "wrong-password" }, "10.3.0.1", longAgo);
    await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.3.0.1");
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows.map((r) => r.succeeded)).toEqual([true]);
  });
});
