import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import { contentSecurityPolicy, createNonce } from "@/lib/server/content-security-policy";
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
    // The request goes on with the CSP and nonce headers set below: Next reads the nonce from them when it renders.
    if (PUBLIC_PAGES.includes(pathname) || request.auth?.user)
      return NextResponse.next({ request: { headers: request.headers } });
    const login = new URL("/login", request.nextUrl);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }) as unknown as Guard | Promise<Guard>;
  return Promise.resolve(wrapped);
}

function overHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || request.nextUrl.protocol === "https:";
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A fresh nonce per page response; the other security headers come from next.config.ts on every response.
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: overHttps(request),
  });
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", policy);
  guard ??= loadGuard();
  const response =
    (await (await guard)(request, event)) ?? NextResponse.next({ request: { headers: request.headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // API routes and the sandbox APIs answer with their own 401s; static files need no session. Sandbox pages are guarded.
  matcher: [
    "/((?!api/|sandbox/crm/api/|sandbox/erp/api/|sandbox/auth/|_next/static|_next/image|favicon.ico|robots.txt).*)",
  ],
};
