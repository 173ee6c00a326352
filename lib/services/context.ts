import type { Database, Transaction } from "@/db/drivers/types";
import { AppError } from "@/lib/errors";
import { hasRole, ROLE_LABELS, type Role } from "@/lib/auth/roles";

/** Who is acting: a signed-in user, or the system itself (CLI, seed, scheduler) with admin rights. */
export type Actor =
  { kind: "user"; id: string; email: string; role: Role } | { kind: "system"; label: string; role: "admin" };

export type ServiceContext = { db: Database; actor: Actor };

export function systemActor(label: string): Actor {
  return { kind: "system", label, role: "admin" };
}

export function requireRole(ctx: ServiceContext, role: Role): void {
  if (!hasRole(ctx.actor.role, role)) {
    throw new AppError(
      "FORBIDDEN",
      `This needs the ${ROLE_LABELS[role]} role; you are signed in as ${ROLE_LABELS[ctx.actor.role]}.`,
    );
  }
}

export function withTransaction<T>(ctx: ServiceContext, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return ctx.db.transaction(fn);
}

/** Walks the cause chain (drizzle wraps driver errors) for a Postgres SQLSTATE. */
export function hasSqlState(error: unknown, state: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === state) return true;
  }
  return false;
}
export const UNIQUE_VIOLATION = "23505";
