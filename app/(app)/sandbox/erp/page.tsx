import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { SandboxBrowser } from "@/components/sandbox/sandbox-browser";
import { sandboxEnabled } from "@/lib/sandbox/sandbox-enabled";

export const metadata: Metadata = { title: "Business Central sandbox" };

export default async function SandboxERPPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (!sandboxEnabled()) notFound();
  const user = await requirePageUser("viewer", "/sandbox/erp");
  return <SandboxBrowser system="erp" params={await searchParams} user={user} />;
}
