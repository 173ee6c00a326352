import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { signInAttempts } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { describeEachDriver } from "@/db/test/test-database";
import type { Database } from "@/db/drivers/types";
import { authenticate } from "./authenticate";

const WRONG = "wrong-password";
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function fail(db: Database, email: string, ip: string | null, now: Date, times = 1) {
  for (let i = 0; i < times; i++) await authenticate(db, { email, password: WRONG }, ip, now);
}

describeEachDriver("authenticate", (database) => {
  it("should return the user and their session version when the e-mail (any case) and password match", async () => {
    const { db } = database();
    const user = await makeUser(db, { role: "consultant" });
    const result = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: "consultant", sessionVersion: 0 },
    });
  });

  it.each([
    ["the password is wrong", async (email: string) => ({ email, password: WRONG })],
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

  it("should make the next attempt wait 15 s, then 30 s, when five and then six failures came first", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const start = new Date();
    await fail(db, user.email, null, start, 5);
    const right = { email: user.email, password: TEST_PASSWORD };
    expect(await authenticate(db, right, null, at(start, 1))).toEqual({
      ok: false,
      reason: "rate-limited",
      retryAfterSeconds: 14,
    });
    // After the first delay one more guess is checked, and the delay doubles from it.
    expect(await authenticate(db, { email: user.email, password: WRONG }, null, at(start, 15))).toMatchObject({
      reason: "invalid",
    });
    expect(await authenticate(db, right, null, at(start, 44))).toMatchObject({ retryAfterSeconds: 1 });
    expect(await authenticate(db, right, null, at(start, 45))).toMatchObject({ ok: true });
  });

  it("should not lengthen the delay when refused attempts keep coming while waiting", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const start = new Date();
    await fail(db, user.email, null, start, 5);
    for (let s = 1; s < 15; s++) await fail(db, user.email, null, at(start, s));
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows.filter((r) => r.throttled)).toHaveLength(14);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, null, at(start, 15))).toMatchObject({
      ok: true,
    });
  });

  it("should never make anyone wait longer than 15 minutes when failures keep piling up", async () => {
    const { db } = database();
    const user = await makeUser(db);
    let now = new Date(Date.now() - 50 * 60_000);
    await fail(db, user.email, null, now, 5);
    // A guesser who waits out every delay: 15 s, 30 s, 1, 2, 4, 8 minutes, then 15 minutes each time.
    for (const waitSeconds of [15, 30, 60, 120, 240, 480, 900]) {
      now = at(now, waitSeconds);
      expect(await authenticate(db, { email: user.email, password: WRONG }, null, now)).toMatchObject({
        reason: "invalid",
      });
    }
    const right = { email: user.email, password: TEST_PASSWORD };
    expect(await authenticate(db, right, null, at(now, 899))).toMatchObject({ reason: "rate-limited" });
    expect(await authenticate(db, right, null, at(now, 900))).toMatchObject({ ok: true });
  });

  it("should start the e-mail's count afresh when the right password got through", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const start = new Date();
    await fail(db, user.email, null, start, 5);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, null, at(start, 15))).toMatchObject({
      ok: true,
    });
    await fail(db, user.email, null, at(start, 16), 4);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, null, at(start, 17))).toMatchObject({
      ok: true,
    });
  });

  it("should check only five of ten guesses sent at once when they race for one e-mail", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        authenticate(db, { email: user.email, password: WRONG }, `10.5.0.${i}`, now),
      ),
    );
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => r.ok === false && r.reason === "rate-limited")).toHaveLength(5);
  });

  it("should record every attempt with its outcome when checking credentials", async () => {
    const { db } = database();
    const user = await makeUser(db);
    await authenticate(db, { email: user.email, password: WRONG }, "10.2.0.1");
    await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.2.0.1");
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows.map((r) => [r.succeeded, r.throttled, r.ip]).sort()).toEqual([
      [false, false, "10.2.0.1"],
      [true, false, "10.2.0.1"],
    ]);
  });

  it("should slow down every e-mail from an address when that address failed twenty times", async () => {
    const { db } = database();
    const now = new Date();
    for (let i = 0; i < 20; i++)
      await authenticate(db, { email: `guess-${i}@example.test`, password: WRONG }, "203.0.113.9", now);
    const user = await makeUser(db);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "203.0.113.9", now)).toMatchObject({
      reason: "rate-limited",
    });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "198.51.100.1", now)).toMatchObject({
      ok: true,
    });
  });

  it("should not slow everyone down when failures come with no known address", async () => {
    const { db } = database();
    const now = new Date();
    for (let i = 0; i < 25; i++)
      await authenticate(db, { email: `nobody-${i}@example.test`, password: WRONG }, null, now);
    const user = await makeUser(db);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, null, now)).toMatchObject({
      ok: true,
    });
  });

  it("should forget attempts older than a day when recording a new one", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const longAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    await authenticate(db, { email: user.email, password: WRONG }, "10.3.0.1", longAgo);
    await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.3.0.1");
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows.map((r) => r.succeeded)).toEqual([true]);
  });
});
