import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { SandboxBrowser } from "@/components/sandbox/sandbox-browser";

export const metadata: Metadata = { title: "Business Central sandbox" };

export default async function SandboxERPPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser("viewer", "/sandbox/erp");
  return <SandboxBrowser system="erp" params={await searchParams} user={user} />;
}
