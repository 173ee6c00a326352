import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tandem", template: "%s · Tandem" },
  description: "Design, run and review the sync between Business Central and Dynamics 365 Sales",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (from proxy.ts) on its scripts, which a page
  // prerendered at build time (the 404 page, say) could not carry.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
