import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentUser, type SignedInUser } from "./current-user";
import { hasRole, type Role } from "./roles";

/** For pages: not signed in ⇒ the login page; signed in without the role ⇒ 403. */
export async function requirePageUser(role: Role, returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
