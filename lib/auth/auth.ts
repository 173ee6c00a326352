import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/services/auth/authenticate";
import { endSessions } from "@/lib/services/auth/end-sessions";
import { authSecret } from "@/lib/server/secrets";
import { clientIp } from "@/lib/http/client-ip";
import { baseAuthConfig } from "./auth.config";

/** Thrown from authorize(); the sign-in action shows its own message for this code. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Lazy config: the secret is read at the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig,
  secret: authSecret(),
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const { db } = await getDb();
        const result = await authenticate(db, credentials, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "rate-limited") throw new TooManyAttempts(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out endpoint ends up here too: every way of signing out ends the user's sessions.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid !== "string" || typeof token.sv !== "number") return;
      const { db } = await getDb();
      await endSessions(db, { userId: token.uid, tokenVersion: token.sv });
    },
  },
}));
