import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/current-user";
import { publicRoute } from "@/lib/http/define-route";

const reason = "Auth.js's own endpoints (session, CSRF, credentials callback) serve signed-out visitors";

type AuthHandler = (request: NextRequest) => Promise<Response>;

// Auth.js answers /session from the token alone; a revoked or disabled session must not read back as signed in.
function checkingSession(handler: AuthHandler) {
  return async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname.endsWith("/session") && !(await currentUser())) {
      return Response.json(null, { headers: { "cache-control": "no-store" } });
    }
    return handler(request as NextRequest);
  };
}

export const GET = publicRoute(reason, checkingSession(handlers.GET));
export const POST = publicRoute(reason, checkingSession(handlers.POST));
