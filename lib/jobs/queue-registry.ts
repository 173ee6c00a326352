import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";

// Keyed by database object: the app registers its worker's queue, tests register the one on their database.
const KEY = Symbol.for("tandem.queues");
type Holder = { [KEY]?: WeakMap<Database, PgBoss> };

function registry(): WeakMap<Database, PgBoss> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new WeakMap();
  return holder[KEY];
}

export function registerQueue(db: Database, boss: PgBoss): void {
  registry().set(db, boss);
}

export function unregisterQueue(db: Database): void {
  registry().delete(db);
}

/** The job queue on this database; background work needs the worker (started with `npm start`). */
export function queueFor(db: Database): PgBoss {
  const boss = registry().get(db);
  if (!boss)
    throw new AppError(
      "CONFIGURATION",
      "The job queue is not running in this process, so background work cannot be queued. Start the app with `npm start`, or run `npx tandem sync`.",
    );
  return boss;
}
