import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/drivers/types";
import { users } from "@/db/schema";
import { writeAudit } from "../audit/write-audit";

/** The update that ends every open session of a user: their tokens carry the old version and stop matching. */
export function nextSessionVersion() {
  return sql<number>`${users.sessionVersion} + 1`;
}

/**
 * Ends every session of the user signing out, with an `auth.sign-out` audit row in the same transaction. With
 * `tokenVersion`, only a token that is still current may do so, so a copied cookie already revoked cannot sign its
 * owner out again and again (nor fill the audit log).
 */
export async function endSessions(db: DbOrTx, input: { userId: string; tokenVersion?: number }): Promise<boolean> {
  const current =
    input.tokenVersion === undefined ? undefined : eq(users.sessionVersion, Math.trunc(input.tokenVersion));
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: nextSessionVersion() })
      .where(and(eq(users.id, input.userId), current))
      .returning({ id: users.id, email: users.email, role: users.role });
    if (!user) return false;
    await writeAudit(tx, { kind: "user", ...user }, { action: "auth.sign-out", targetType: "user", targetId: user.id });
    return true;
  });
}
