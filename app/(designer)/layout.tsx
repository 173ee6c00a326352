import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/app-shell/app-header";

// The designer needs the whole window; the page re-checks the role itself.
export default async function DesignerLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  return (
    <div className="flex h-screen flex-col">
      <AppHeader user={user} />
      <main className="min-h-0 flex-1">{children}</main>
    </div>
  );
}
