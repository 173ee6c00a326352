import { and, eq, inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import { DEMO_USERS } from "@/db/demo-users";
import type { DbOrTx } from "@/db/drivers/types";
import { verifyPassword } from "@/lib/auth/password";

type Env = Record<string, string | undefined>;

/** Where `npm start` listens without HOST: only this machine can reach the demo accounts' published passwords. */
export const DEFAULT_LISTEN_HOST = "127.0.0.1";
/** What `next start` binds without --hostname: every interface. Assumed when the server was not started by npm start. */
export const ALL_INTERFACES = "0.0.0.0";

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`; anything else may be reachable from the network. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name === "::1" || name === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return Boolean(v4 && v4[1] === "127" && v4.slice(2).every((octet) => Number(octet) <= 255));
}

/** The host this server listens on: lib/cli/start.mjs passes it as TANDEM_LISTEN_HOST; unset, there is no listener. */
export function listenHost(env: Env): string | undefined {
  return env.TANDEM_LISTEN_HOST?.trim() || undefined;
}

export type DemoExposure =
  /** Loopback (or no server in this process, e.g. the CLI): the demo accounts are fine. */
  | { kind: "local" }
  /** Beyond loopback with TANDEM_DEMO=1: kept, with a warning on every start. */
  | { kind: "network-demo"; host: string }
  /** Beyond loopback without TANDEM_DEMO=1: no demo account may be seeded or left usable. */
  | { kind: "network"; host: string };

export function demoExposure(env: Env): DemoExposure {
  const host = listenHost(env);
  if (host === undefined || isLoopbackHost(host)) return { kind: "local" };
  return env.TANDEM_DEMO === "1" ? { kind: "network-demo", host } : { kind: "network", host };
}

/** Whether the first-start seed may create the demo accounts at all in this environment. */
export function demoAccountsAllowed(env: Env): boolean {
  return demoExposure(env).kind !== "network";
}

/** The demo accounts anyone could sign in to: present, enabled and still on the password the README publishes. */
export async function usableDemoAccounts(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          DEMO_USERS.map((demo) => demo.email),
        ),
        eq(users.disabled, false),
      ),
    );
  const usable: string[] = [];
  for (const demo of DEMO_USERS) {
    const row = rows.find((r) => r.email === demo.email);
    if (row && (await verifyPassword(row.passwordHash, demo.password))) usable.push(demo.email);
  }
  return usable;
}

export type DemoStartVerdict = { refuse: string } | { warn: string } | { ok: true };

/**
 * The start rule: beyond loopback, a demo account on its published password stops the start unless TANDEM_DEMO=1,
 * which keeps them and warns on every start. Nothing is changed in the database either way.
 */
export function judgeDemoAccounts(exposure: DemoExposure, usable: string[]): DemoStartVerdict {
  if (exposure.kind === "local") return { ok: true };
  const list = usable.join(", ");
  if (exposure.kind === "network-demo") {
    return {
      warn: usable.length
        ? `WARNING: listening on ${exposure.host} with TANDEM_DEMO=1: the demo accounts ${list} keep the passwords ` +
          "published in the README, and anyone who can reach this address can sign in with them."
        : `WARNING: listening on ${exposure.host} with TANDEM_DEMO=1: an empty database gets the demo accounts, ` +
          "whose passwords are published in the README.",
    };
  }
  if (!usable.length) return { ok: true };
  return {
    refuse:
      `this server listens on ${exposure.host}, beyond this machine, and the demo accounts ${list} still have ` +
      "the passwords published in the README. Either start on 127.0.0.1 (unset HOST), sign in as an admin and " +
      "disable those accounts or change their passwords on the Users page; or set TANDEM_DEMO=1 to keep them " +
      "on purpose (a warning is printed on every start). On a fresh data directory, ADMIN_EMAIL and " +
      "ADMIN_PASSWORD create your admin and no demo account is created on a network address.",
  };
}
