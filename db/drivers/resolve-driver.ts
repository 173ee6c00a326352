import path from "node:path";

export type DbDriver = "pglite" | "postgres" | "neon";

export type DriverChoice =
  { driver: "pglite"; dataDir: string | null } | { driver: "postgres"; url: string } | { driver: "neon"; url: string };

type Env = Record<string, string | undefined>;

const NEON_HOST = /\.neon\.(tech|build)$/i;

/** The project root: the bin sets TANDEM_ROOT so `npx tandem` finds the same files as the server. */
export function projectRoot(env: Env = process.env): string {
  return env.TANDEM_ROOT || process.cwd();
}

/** Where the embedded database and its generated keys live. */
export function embeddedDataDir(env: Env = process.env): string {
  return path.resolve(projectRoot(env), env.PGLITE_DIR || ".data");
}

/**
 * Picks the driver from the environment: no DATABASE_URL ⇒ PGlite; a Neon host or DB_DRIVER=neon ⇒ Neon's
 * serverless Pool; any other URL ⇒ node-postgres.
 */
export function resolveDriver(env: Env = process.env): DriverChoice {
  const url = env.DATABASE_URL?.trim();
  const forced = env.DB_DRIVER?.trim().toLowerCase();
  if (forced && !["pglite", "postgres", "neon"].includes(forced)) {
    throw new Error(`DB_DRIVER must be pglite, postgres or neon (got "${env.DB_DRIVER}")`);
  }
  if (!url || forced === "pglite") return { driver: "pglite", dataDir: embeddedDataDir(env) };
  if (forced === "neon") return { driver: "neon", url };
  if (forced === "postgres") return { driver: "postgres", url };
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)");
  }
  return NEON_HOST.test(host) ? { driver: "neon", url } : { driver: "postgres", url };
}
