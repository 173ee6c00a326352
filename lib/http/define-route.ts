import "server-only";
import { requireUser, type SignedInUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/roles";
import { isAppError, toPublicError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/services/context";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<C> = (request: Request, ctx: C, route: RouteContext) => Promise<Response>;

export function errorResponse(error: unknown): Response {
  if (!isAppError(error)) console.error("[route] unexpected error:", error);
  const body = toPublicError(error);
  const status = isAppError(error) ? error.status : 500;
  return Response.json({ error: body }, { status, headers: { "cache-control": "no-store" } });
}

/** Every route handler is built with this or publicRoute: the session and role are checked before anything runs. */
export function withRole(role: Role, handler: Handler<ServiceContext & { user: SignedInUser }>) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    try {
      return await handler(request, await requireUser(role), route);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route a signed-out caller must reach (health checks, sign-in); `reason` documents why. */
export function publicRoute(reason: string, handler: Handler<null>) {
  void reason;
  return async (request: Request, route: RouteContext): Promise<Response> => {
    try {
      return await handler(request, null, route);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
