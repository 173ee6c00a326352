import type { DbOrTx } from "@/db/drivers/types";
import { AppError, isAppError } from "@/lib/errors";
import { demoExposure, judgeDemoAccounts, usableDemoAccounts } from "./demo-exposure";
import { authSecret, secretKey } from "./secrets";

type Env = Record<string, string | undefined>;

/**
 * What the server checks before it opens the database: both secrets are usable. A key given but too short is refused
 * here, at start, rather than at the first sign-in or the first sync against a real tenant.
 */
export function checkSecretsAtStart(env: Env = process.env): void {
  authSecret(env);
  secretKey(env);
}

/**
 * After the seed: a server listening beyond loopback refuses to start while a demo account still has its published
 * password, unless TANDEM_DEMO=1; then it starts and this returns the warning to print (on every start).
 */
export async function checkDemoAccountsAtStart(db: DbOrTx, env: Env = process.env): Promise<string | null> {
  const exposure = demoExposure(env);
  if (exposure.kind === "local") return null;
  const verdict = judgeDemoAccounts(exposure, await usableDemoAccounts(db));
  if ("refuse" in verdict) throw new AppError("CONFIGURATION", verdict.refuse);
  return "warn" in verdict ? verdict.warn : null;
}

/** Runs a start step; a configuration error ends the process with its message (no stack) instead of a half-started server. */
export async function refuseToStartOnConfigurationError<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isAppError(error) || error.code !== "CONFIGURATION") throw error;
    console.error(`[tandem] cannot start: ${error.message}`);
    process.exit(1);
  }
}
