import { ROLES, type Role } from "../../../db/schema/enums";

/** Who may call an endpoint: a role (and every role above it) or anyone. */
export type Access = Role | "public";

/** "public" sits below every role: a public endpoint is reachable by the least privileged caller there is. */
const ACCESS_ORDER: readonly Access[] = ["public", ...ROLES];

export function accessRank(access: Access): number {
  return ACCESS_ORDER.indexOf(access);
}

export function isRoleName(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles that must be refused by an endpoint that requires `required`. */
export function rolesBelow(required: Access): Role[] {
  return ROLES.filter((role) => accessRank(role) < accessRank(required));
}
