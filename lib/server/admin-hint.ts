import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/drivers/types";
import { users } from "@/db/schema";

/**
 * What a start prints when no one can administer the installation (a fresh server database, or a network start that
 * seeded no demo account): how to make the first admin. Null once an enabled admin exists.
 */
export async function missingAdminHint(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false)));
  if ((row?.n ?? 0) > 0) return null;
  return (
    "no enabled admin account exists, so no one can manage users or connections: set ADMIN_EMAIL and " +
    "ADMIN_PASSWORD and start again, or run `npx tandem users create --email you@company.com --role admin`"
  );
}
