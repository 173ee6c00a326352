import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const EmailSchema = z
  .string({ error: "E-mail is required" })
  .trim()
  .toLowerCase()
  .min(1, "E-mail is required")
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.com" }));

export const RoleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` });

export const PasswordSchema = z
  .string({ error: "Password is required" })
  .min(1, "Password is required")
  .min(10, "Password must be at least 10 characters")
  .max(200, "Password must be at most 200 characters");

export const CreateUserInput = z.object({
  email: EmailSchema,
  name: z.string().trim().max(100, "Name must be at most 100 characters").optional().default(""),
  role: RoleSchema,
  password: PasswordSchema,
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UserIdSchema = z.uuid({ error: "Unknown user" });

export const ChangeUserRoleInput = z.object({ userId: UserIdSchema, role: RoleSchema });
export const SetUserDisabledInput = z.object({ userId: UserIdSchema, disabled: z.boolean() });
export const SetUserPasswordInput = z.object({ userId: UserIdSchema, password: PasswordSchema });
