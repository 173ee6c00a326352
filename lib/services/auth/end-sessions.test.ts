import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { describeEachDriver } from "@/db/test/test-database";
import type { Database } from "@/db/drivers/types";
import { endSessions } from "./end-sessions";

const versionOf = async (db: Database, id: string) =>
  (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;

describeEachDriver("endSessions", (database) => {
  it("should move the user's session version on when they sign out", async () => {
    const { db } = database();
    const user = await makeUser(db);
    expect(await endSessions(db, { userId: user.id })).toBe(true);
    expect(await endSessions(db, { userId: user.id })).toBe(true);
    expect(await versionOf(db, user.id)).toBe(2);
  });

  it("should change nothing when a token already revoked signs out", async () => {
    const { db } = database();
    const user = await makeUser(db);
    expect(await endSessions(db, { userId: user.id, tokenVersion: 0 })).toBe(true);
    // The copied cookie still says 0: signing out with it again must not end the owner's new session.
    expect(await endSessions(db, { userId: user.id, tokenVersion: 0 })).toBe(false);
    expect(await versionOf(db, user.id)).toBe(1);
  });

  it("should write one sign-out audit row per session ended when a user signs out, none for a revoked token", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const rows = () => db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    await endSessions(db, { userId: user.id, tokenVersion: 0 });
    await endSessions(db, { userId: user.id, tokenVersion: 0 });
    expect(await rows()).toMatchObject([{ action: "auth.sign-out", actorId: user.id, actorLabel: user.email }]);
  });
});
