import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "../schema";
import type { DbDriver } from "./resolve-driver";

export type Schema = typeof schema;
/** The shape all three drivers share; code above db/ never sees which one it got. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Database | Transaction;

export type DbHandle = {
  db: Database;
  driver: DbDriver;
  close: () => Promise<void>;
  /** Runs `fn` while holding a cluster-wide advisory lock, so concurrent instances do not race (migrations). */
  withExclusiveLock: <T>(fn: () => Promise<T>) => Promise<T>;
  /** How the job queue (pg-boss) reaches the same database: the embedded instance itself, or a connection URL. */
  queue: { kind: "pglite"; client: PGlite } | { kind: "url"; url: string };
};
