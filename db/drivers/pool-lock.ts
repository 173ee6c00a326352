/** The subset of pg.Pool / @neondatabase/serverless Pool we need for a session-level advisory lock. */
type LockablePool = {
  connect: () => Promise<{ query: (sql: string, params?: unknown[]) => Promise<unknown>; release: () => void }>;
};

const LOCK_KEY = 74_726_166; // arbitrary, constant: "tandem" migrations

export function poolLock(pool: LockablePool) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  };
}
