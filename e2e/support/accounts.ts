import { DEMO_USERS } from "../../db/demo-users";
import type { Role } from "../../db/schema/enums";

export function demoAccount(role: Role) {
  const account = DEMO_USERS.find((user) => user.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}

export const storageStatePath = (role: Role) => `e2e/.auth/${role}.json`;
