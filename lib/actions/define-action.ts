import "server-only";
import { unstable_rethrow } from "next/navigation";
import { requireUser, type SignedInUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/roles";
import { isAppError, toPublicError, type PublicError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/services/context";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

type ActionContext = ServiceContext & { user: SignedInUser };

function fail(error: unknown): { ok: false; error: PublicError } {
  unstable_rethrow(error); // redirect(), notFound() and friends are control flow, not failures
  if (!isAppError(error)) console.error("[action] unexpected error:", error);
  return { ok: false, error: toPublicError(error) };
}

/**
 * Every server action is built with this: a public POST endpoint that checks the session and `role` first,
 * then runs. Input arrives untrusted; `run` hands it to a service verb, which parses it with zod.
 */
export function defineAction<T>(role: Role, run: (ctx: ActionContext, input: unknown) => Promise<T>) {
  return async (input?: unknown): Promise<ActionResult<T>> => {
    try {
      const ctx = await requireUser(role);
      return { ok: true, data: await run(ctx, input) };
    } catch (error) {
      return fail(error);
    }
  };
}

/** For the few actions a signed-out visitor must reach (signing in); `reason` documents why. */
export function definePublicAction<T>(reason: string, run: (input: unknown) => Promise<T>) {
  void reason;
  return async (input?: unknown): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await run(input) };
    } catch (error) {
      return fail(error);
    }
  };
}
