"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { EmailSchema } from "@/lib/services/users/schemas";
import { parseInput } from "@/lib/validation";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { defineAction, definePublicAction } from "./define-action";

const SignInInput = z.object({
  email: EmailSchema,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

export const signInWithPassword = definePublicAction("signing in is what a signed-out visitor does", async (input) => {
  const { email, password, callbackUrl } = parseInput(SignInInput, input);
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // includes the success redirect
    if ((error as AuthError & { code?: string }).code === "rate_limited") {
      throw new AppError("RATE_LIMITED", "Too many failed sign-ins. Wait up to 15 minutes, then try again.");
    }
    throw new AppError("UNAUTHENTICATED", "Wrong e-mail or password, or the account is disabled.");
  }
});

export const signOutAction = defineAction("viewer", async () => {
  await signOut({ redirectTo: "/login" });
});
