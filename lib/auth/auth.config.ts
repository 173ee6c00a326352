import type { NextAuthConfig } from "next-auth";
import { isRole } from "./roles";

/**
 * The part of the Auth.js config that needs no database, shared by proxy.ts and the full config.
 * Sessions are JWTs; the role in the token is only a hint for the UI — every action re-reads the user and compares
 * the token's session version (`sv`) with theirs, so a sign-out, disable or role change ends the session.
 */
export const baseAuthConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is an expected outcome, not a server error: one line, no stack.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") console.warn("[auth] sign-in refused");
      else console.error("[auth]", error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (isRole(token.role)) session.user.role = token.role;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
