import type { NextConfig } from "next";

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
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role for a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
