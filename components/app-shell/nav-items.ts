import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; role: Role };

/** Entries appear as features land; each names the least role that may open it. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", role: "viewer" },
  { href: "/designer", label: "Designer", role: "viewer" },
  { href: "/connections", label: "Connections", role: "viewer" },
  { href: "/mappings", label: "Table mappings", role: "viewer" },
  { href: "/full-sync", label: "Full synchronization", role: "viewer" },
  { href: "/jobs", label: "Jobs", role: "viewer" },
  { href: "/couplings", label: "Couplings", role: "viewer" },
  { href: "/conflicts", label: "Conflicts", role: "viewer" },
  { href: "/reconciliation", label: "Reconciliation", role: "viewer" },
  { href: "/sandbox/erp", label: "ERP sandbox", role: "viewer" },
  { href: "/sandbox/crm", label: "CRM sandbox", role: "viewer" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/audit", label: "Audit log", role: "admin" },
];
