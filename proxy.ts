import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import { authSecret } from "@/lib/server/secrets";

// Optimistic check from the session cookie only; pages, actions and routes each check the user and role again.
const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: authSecret() }));

const PUBLIC_PAGES = ["/login"];

type Guard = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;
let guard: Promise<Guard> | undefined;

// With a lazy config, auth(handler) resolves to the wrapped handler instead of returning it.
function loadGuard(): Promise<Guard> {
  const wrapped = auth((request) => {
    const { pathname, search } = request.nextUrl;
    if (PUBLIC_PAGES.includes(pathname) || request.auth?.user) return NextResponse.next();
    const login = new URL("/login", request.nextUrl);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }) as unknown as Guard | Promise<Guard>;
  return Promise.resolve(wrapped);
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  guard ??= loadGuard();
  return (await guard)(request, event);
}

export const config = {
  // API routes and the sandbox APIs answer with their own 401s; static files need no session. Sandbox pages are guarded.
  matcher: [
    "/((?!api/|sandbox/crm/api/|sandbox/erp/api/|sandbox/auth/|_next/static|_next/image|favicon.ico|robots.txt).*)",
  ],
};
