import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { contextAs, makeUser } from "@/db/test/factories";
import { describeEachDriver } from "@/db/test/test-database";
import type { Database } from "@/db/drivers/types";
import { verifyPassword } from "@/lib/auth/password";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { setUserDisabled } from "./set-user-disabled";
import { setUserPassword } from "./set-user-password";

async function counts(db: Database) {
  const [u] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { users: u!.n, audit: a!.n };
}

describeEachDriver("user verbs", (database) => {
  it("should create the user with a hashed password and write an audit row when an admin creates a user", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const created = await createUser({
      ctx,
      input: {
        email: "  New.Person@Example.TEST ",
        name: "New Person",
        role: "consultant",
        password: "long-enough-pw",
      },
    });
    expect(created).toMatchObject({ email: "new.person@example.test", role: "consultant", disabled: false });
    expect(created).not.toHaveProperty("passwordHash");

    const [row] = await db.select().from(users).where(eq(users.id, created.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, "long-enough-pw")).toBe(true);

    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audit).toEqual([
      expect.objectContaining({
        action: "user.create",
        actorId: ctx.actor.kind === "user" ? ctx.actor.id : null,
        details: { email: "new.person@example.test", role: "consultant" },
      }),
    ]);
  });

  it.each([
    [
      "a malformed e-mail",
      { email: "not-an-email", role: "viewer", password: "long-enough-pw" },
      "email",
      /valid e-mail/,
    ],
    ["an empty e-mail", { email: "", role: "viewer", password: "long-enough-pw" }, "email", /E-mail is required/],
    [
      "an unknown role",
      { email: "x@example.test", role: "superuser", password: "long-enough-pw" },
      "role",
      /Role must be one of: viewer, consultant, admin/,
    ],
    [
      "an empty password",
      { email: "x@example.test", role: "viewer", password: "" },
      "password",
      /Password is required/,
    ],
    ["a short password", { email: "x@example.test", role: "viewer", password: "short" }, "password", /at least 10/],
    ["no input at all", undefined, "_", /expected object/i],
  ])("should refuse with a clear message and write nothing when given %s", async (_label, input, field, message) => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const before = await counts(db);
    const error = await createUser({ ctx, input }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(await counts(db)).toEqual(before);
  });

  it("should refuse a second user with the same e-mail in any letter case when creating", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    await createUser({ ctx, input: { email: "twin@example.test", role: "viewer", password: "long-enough-pw" } });
    const before = await counts(db);
    await expect(
      createUser({ ctx, input: { email: "TWIN@example.test", role: "admin", password: "long-enough-pw" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts(db)).toEqual(before);
  });

  it.each(["viewer", "consultant"] as const)(
    "should refuse and write nothing when a %s tries any user verb",
    async (role) => {
      const { db } = database();
      const ctx = await contextAs(db, role);
      const target = await makeUser(db);
      const before = await counts(db);
      await expect(
        createUser({ ctx, input: { email: "y@example.test", role: "admin", password: "long-enough-pw" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeUserRole({ ctx, input: { userId: target.id, role: "admin" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(setUserDisabled({ ctx, input: { userId: target.id, disabled: true } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        setUserPassword({ ctx, input: { userId: target.id, password: "long-enough-pw" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listUsers({ ctx })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await counts(db)).toEqual(before);
    },
  );

  it("should change the role and audit from and to when an admin changes a role", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const target = await makeUser(db, { role: "viewer" });
    const updated = await changeUserRole({ ctx, input: { userId: target.id, role: "consultant" } });
    expect(updated.role).toBe("consultant");
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, target.id));
    expect(entry).toMatchObject({
      action: "user.change-role",
      details: { email: target.email, from: "viewer", to: "consultant" },
    });
  });

  it("should refuse to demote or disable the last active admin when no other admin is left", async () => {
    const { db } = database();
    // Make this the only active admin of the suite's database.
    await db.update(users).set({ disabled: true }).where(eq(users.role, "admin"));
    const ctx = await contextAs(db, "admin");
    const self = ctx.user;
    await expect(changeUserRole({ ctx, input: { userId: self.id, role: "viewer" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: /last active admin/,
    });
    await expect(setUserDisabled({ ctx, input: { userId: self.id, disabled: true } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const other = await makeUser(db, { role: "admin" });
    await expect(setUserDisabled({ ctx, input: { userId: other.id, disabled: true } })).resolves.toMatchObject({
      disabled: true,
    });
  });

  it("should disable then enable a user and audit both when an admin toggles access", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const target = await makeUser(db, { role: "consultant" });
    expect((await setUserDisabled({ ctx, input: { userId: target.id, disabled: true } })).disabled).toBe(true);
    expect((await setUserDisabled({ ctx, input: { userId: target.id, disabled: false } })).disabled).toBe(false);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, target.id))).map((e) => e.action);
    expect(actions.sort()).toEqual(["user.disable", "user.enable"]);
  });

  it("should answer NOT_FOUND when the user id does not exist", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    await expect(
      changeUserRole({ ctx, input: { userId: "00000000-0000-4000-8000-000000000000", role: "viewer" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("should never return password hashes when listing users", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const listed = await listUsers({ ctx });
    expect(listed.length).toBeGreaterThan(0);
    for (const user of listed) expect(Object.keys(user)).not.toContain("passwordHash");
  });

  const sessionVersionOf = async (db: Database, id: string) =>
    (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;

  it.each([
    [
      "disables them",
      { role: "consultant" as const },
      (id: string) => ({ verb: setUserDisabled, input: { userId: id, disabled: true } }),
    ],
    [
      "enables them",
      { role: "consultant" as const, disabled: true },
      (id: string) => ({ verb: setUserDisabled, input: { userId: id, disabled: false } }),
    ],
    [
      "changes their role",
      { role: "viewer" as const },
      (id: string) => ({ verb: changeUserRole, input: { userId: id, role: "admin" } }),
    ],
    [
      "sets their password",
      { role: "viewer" as const },
      (id: string) => ({ verb: setUserPassword, input: { userId: id, password: "another-long-pw" } }),
    ],
  ])("should end the user's open sessions when an admin %s", async (_label, attributes, call) => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const target = await makeUser(db, attributes);
    const before = await sessionVersionOf(db, target.id);
    const { verb, input } = call(target.id);
    await verb({ ctx, input });
    expect(await sessionVersionOf(db, target.id)).toBe(before + 1);
  });

  it("should keep the user's sessions when the change changes nothing", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const target = await makeUser(db, { role: "viewer" });
    await changeUserRole({ ctx, input: { userId: target.id, role: "viewer" } });
    await setUserDisabled({ ctx, input: { userId: target.id, disabled: false } });
    expect(await sessionVersionOf(db, target.id)).toBe(0);
  });

  it("should store the new password hashed and audit it without the password when an admin sets one", async () => {
    const { db } = database();
    const ctx = await contextAs(db, "admin");
    const target = await makeUser(db);
    await setUserPassword({ ctx, input: { userId: target.id, password: "another-long-pw" } });
    const [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(await verifyPassword(row!.passwordHash, "another-long-pw")).toBe(true);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, target.id));
    expect(entry).toMatchObject({ action: "user.set-password", details: { email: target.email } });
    expect(JSON.stringify(entry)).not.toContain("another-long-pw");
    await expect(setUserPassword({ ctx, input: { userId: target.id, password: "short" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});
