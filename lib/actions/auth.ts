"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut, TooManyAttempts } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { endSessions } from "@/lib/services/auth/end-sessions";
import { EmailSchema } from "@/lib/services/users/schemas";
import { parseInput } from "@/lib/validation";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { defineAction, definePublicAction } from "./define-action";

const SignInInput = z.object({
  email: EmailSchema,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

function waitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins. Wait ${wait}, then try again.`;
}

export const signInWithPassword = definePublicAction("signing in is what a signed-out visitor does", async (input) => {
  const { email, password, callbackUrl } = parseInput(SignInInput, input);
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // includes the success redirect
    if (error instanceof TooManyAttempts || (error as AuthError & { code?: string }).code === "rate_limited") {
      const { retryAfterSeconds } = error as Partial<TooManyAttempts>;
      throw new AppError("RATE_LIMITED", waitMessage(retryAfterSeconds ?? 15 * 60));
    }
    throw new AppError("UNAUTHENTICATED", "Wrong e-mail or password, or the account is disabled.");
  }
});

/** Ends every session of the user, this one and any copy of its cookie, then clears the cookie. */
export const signOutAction = defineAction("viewer", async (ctx) => {
  await endSessions(ctx.db, { userId: ctx.user.id });
  await signOut({ redirectTo: "/login" });
});
