import { isAppError } from "@/lib/errors";
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
