import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { describeEachDriver } from "@/db/test/test-database";
import { systemActor } from "@/lib/services/context";
import { createUser } from "@/lib/services/users/create-user";
import { missingAdminHint } from "./admin-hint";

describeEachDriver("missingAdminHint", (database) => {
  const empty = async () => {
    const { db } = database();
    await db.delete(users);
    return db;
  };
  const make = (role: "admin" | "viewer", email: string) =>
    createUser({
      ctx: { db: database().db, actor: systemActor("test") },
      input: { email, role, password: "a long enough password" },
    });

  it("should name ADMIN_EMAIL and the CLI command when no user exists", async () => {
    const hint = await missingAdminHint(await empty());
    expect(hint).toMatch(/ADMIN_EMAIL/);
    expect(hint).toMatch(/tandem users create/);
  });

  it("should still hint when the only admin is disabled and a viewer remains", async () => {
    const db = await empty();
    const admin = await make("admin", "only-admin@example.test");
    await make("viewer", "viewer@example.test");
    // The verb refuses to disable the last admin; a database restored from elsewhere can still arrive like this.
    await db.update(users).set({ disabled: true }).where(eq(users.id, admin.id));
    expect(await missingAdminHint(db)).not.toBeNull();
  });

  it("should say nothing when an enabled admin exists", async () => {
    const db = await empty();
    await make("admin", "admin@example.test");
    expect(await missingAdminHint(db)).toBeNull();
  });
});
