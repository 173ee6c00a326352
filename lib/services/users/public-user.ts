import type { User } from "@/db/schema";

/** A user as it may leave the server: never the password hash. */
export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "disabled" | "createdAt">;

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}
