import Link from "next/link";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import type { SignedInUser } from "@/lib/auth/current-user";
import { Badge } from "@/components/ui/badge";
import { MainNav } from "./main-nav";
import { NAV_ITEMS } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: SignedInUser }) {
  const items = NAV_ITEMS.filter((item) => hasRole(user.role, item.role));
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Tandem
        </Link>
        <MainNav items={items} />
        <div className="ml-auto flex items-center gap-3" data-testid="signed-in-user">
          <div className="text-right leading-tight">
            <div className="text-sm font-medium">{user.name}</div>
            <div className="text-xs text-muted-foreground">{user.email}</div>
          </div>
          <Badge aria-label={`Role: ${ROLE_LABELS[user.role]}`}>{ROLE_LABELS[user.role]}</Badge>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
