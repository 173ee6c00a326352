import { Pool, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import ws from "ws";
import * as schema from "../schema";
import type { Database, DbHandle } from "./types";
import { poolLock } from "./pool-lock";

/**
 * NEON_WS_PROXY (e.g. "127.0.0.1:4444/v1") sends the driver through a plain WebSocket→TCP proxy instead of
 * Neon's TLS endpoint: how tests reach a local Postgres (see db/neon-ws-proxy.ts).
 */
function configureNeon(env: Record<string, string | undefined>) {
  neonConfig.webSocketConstructor = ws;
  const proxy = env.NEON_WS_PROXY;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
}

export async function openNeon(url: string): Promise<DbHandle> {
  configureNeon(process.env);
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  pool.on("error", (error: Error) => console.error("[db] idle client error:", error.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  // The queue keeps its own plain Postgres connections: Neon accepts them, and pg-boss needs LISTEN and sessions.
  return {
    db,
    driver: "neon",
    close: () => pool.end(),
    withExclusiveLock: poolLock(pool),
    queue: { kind: "url", url },
  };
}
