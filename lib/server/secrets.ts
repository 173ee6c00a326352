import { AppError } from "@/lib/errors";
import { parseSecretKey } from "@/lib/crypto/secret-box";
import { resolveDriver } from "@/db/drivers/resolve-driver";
import { readOrCreateSecretFile } from "./generated-secrets";

type Env = Record<string, string | undefined>;

/** A session-signing secret shorter than this can be brute-forced offline from one captured cookie. */
export const MIN_AUTH_SECRET_BYTES = 32;

/** The AES key for stored connection secrets: TANDEM_SECRET_KEY, or a generated one on the embedded default. */
export function secretKey(env: Env = process.env): Buffer {
  if (env.TANDEM_SECRET_KEY) return parseSecretKey(env.TANDEM_SECRET_KEY);
  const choice = resolveDriver(env);
  if (choice.driver === "pglite" && choice.dataDir) {
    return parseSecretKey(readOrCreateSecretFile(choice.dataDir, "secret.key"));
  }
  throw new AppError(
    "CONFIGURATION",
    "TANDEM_SECRET_KEY must be set when DATABASE_URL is used (32 bytes, hex or base64)",
  );
}

/** Auth.js signing secret: AUTH_SECRET, or a generated one on the embedded default. */
export function authSecret(env: Env = process.env): string {
  const secret = env.AUTH_SECRET ? env.AUTH_SECRET : generatedAuthSecret(env);
  if (Buffer.byteLength(secret, "utf8") < MIN_AUTH_SECRET_BYTES) {
    throw new AppError(
      "CONFIGURATION",
      `AUTH_SECRET must be at least ${MIN_AUTH_SECRET_BYTES} bytes long (for example: openssl rand -base64 32)`,
    );
  }
  return secret;
}

function generatedAuthSecret(env: Env): string {
  const choice = resolveDriver(env);
  if (choice.driver === "pglite" && choice.dataDir) return readOrCreateSecretFile(choice.dataDir, "auth-secret");
  throw new AppError("CONFIGURATION", "AUTH_SECRET must be set when DATABASE_URL is used");
}
