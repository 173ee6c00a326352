import { eq, sql } from "drizzle-orm";
import { users } from "./schema";
import type { DbHandle } from "./drivers/types";
import { DEMO_USERS } from "./demo-users";
import { createUser } from "@/lib/services/users/create-user";
import { systemActor } from "@/lib/services/context";
import { demoAccountsAllowed } from "@/lib/server/demo-exposure";

type Env = Record<string, string | undefined>;

/**
 * First start: ADMIN_EMAIL/ADMIN_PASSWORD create that admin if missing (any driver); on the embedded default
 * (or TANDEM_DEMO=1) an empty users table gets the demo accounts, with the env admin replacing the demo one. A server
 * listening beyond loopback (TANDEM_LISTEN_HOST) seeds them only with TANDEM_DEMO=1: their passwords are published.
 */
export async function seedUsers(handle: DbHandle, env: Env = process.env): Promise<string[]> {
  const ctx = { db: handle.db, actor: systemActor("seed") };
  const created: string[] = [];
  const envAdmin =
    env.ADMIN_EMAIL && env.ADMIN_PASSWORD
      ? { email: env.ADMIN_EMAIL.trim().toLowerCase(), password: env.ADMIN_PASSWORD }
      : null;

  const [{ count } = { count: 0 }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(users);
  const wantsDemo = (handle.driver === "pglite" || env.TANDEM_DEMO === "1") && demoAccountsAllowed(env);
  if (count === 0 && wantsDemo) {
    for (const demo of DEMO_USERS) {
      if (demo.role === "admin" && envAdmin) continue;
      await createUser({ ctx, input: demo });
      created.push(demo.email);
    }
  }
  if (envAdmin) {
    const [existing] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, envAdmin.email))
      .limit(1);
    if (!existing) {
      await createUser({
        ctx,
        input: { email: envAdmin.email, name: "Administrator", role: "admin", password: envAdmin.password },
      });
      created.push(envAdmin.email);
    }
  }
  return created;
}

export { DEMO_USERS };
