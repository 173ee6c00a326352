import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { SandboxBrowser } from "@/components/sandbox/sandbox-browser";
import { sandboxEnabled } from "@/lib/sandbox/sandbox-enabled";

export const metadata: Metadata = { title: "Dynamics 365 Sales sandbox" };

export default async function SandboxCRMPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (!sandboxEnabled()) notFound();
  const user = await requirePageUser("viewer", "/sandbox/crm");
  return <SandboxBrowser system="crm" params={await searchParams} user={user} />;
}
