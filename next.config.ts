import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/server/action-body-limit";

/** On every response, pages, route handlers, the sandbox APIs, static files and 404s alike. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * HSTS only when the request reached the front proxy over https (`next start` itself speaks plain HTTP). A client
 * sending the header itself over http gains nothing: browsers ignore HSTS received over an insecure connection.
 */
/** API answers (JSON, OData, tokens) load nothing and are framed by no one; pages get their nonce policy in proxy.ts. */
const API_POLICY = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };
const API_PATHS = ["/api/:path*", "/sandbox/crm/api/:path*", "/sandbox/erp/api/:path*", "/sandbox/auth/:path*"];

const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
const OVER_HTTPS = { type: "header", key: "x-forwarded-proto", value: "https\\s*(?:,.*)?" } as const;

const nextConfig: NextConfig = {
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "@neondatabase/serverless",
    "ws",
    "pg-boss",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role for a page.
    authInterrupts: true,
    // A designer draft up to save-draft's limit plus the action's envelope; a bigger body is refused before parsing.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // proxy.ts runs on the pages actions post to and buffers their bodies up to this: above the action limit, so a body
    // too large is still seen whole enough to be refused as such (413), not cut short and misread.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES + 1024 * 1024,
  },
  // The Content-Security-Policy, with its per-request nonce, is set by proxy.ts on the pages.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/:path*", has: [OVER_HTTPS], headers: [HSTS] },
      ...API_PATHS.map((source) => ({ source, headers: [API_POLICY] })),
    ];
  },
};

export default nextConfig;
