import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { SandboxBrowser } from "@/components/sandbox/sandbox-browser";

export const metadata: Metadata = { title: "Dynamics 365 Sales sandbox" };

export default async function SandboxCRMPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser("viewer", "/sandbox/crm");
  return <SandboxBrowser system="crm" params={await searchParams} user={user} />;
}
