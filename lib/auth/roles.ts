import { ROLES, type Role } from "@/db/schema/enums";

export { ROLES, type Role };

const RANK: Record<Role, number> = { viewer: 0, consultant: 1, admin: 2 };

/** Roles are ordered: an admin may do what a consultant may, a consultant what a viewer may. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", consultant: "Consultant", admin: "Admin" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
