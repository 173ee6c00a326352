import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { publicRoute } from "@/lib/http/define-route";

const reason = "Auth.js's own endpoints (session, CSRF, credentials callback) serve signed-out visitors";

export const GET = publicRoute(reason, (request) => handlers.GET(request as NextRequest));
export const POST = publicRoute(reason, (request) => handlers.POST(request as NextRequest));
