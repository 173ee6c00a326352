import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";

const CURRENT = "v2";
// v1 envelopes carry no additional authenticated data; they still open, so rows written before v2 keep working.
const LEGACY = "v1";
const IV_BYTES = 12;
// Pinned on both sides: without it, decipher accepts a truncated tag (down to 4 bytes), which weakens forgery bounds.
const TAG_BYTES = 16;

/** Parses a 32-byte key given as 64 hex characters or as base64. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new AppError("CONFIGURATION", "TANDEM_SECRET_KEY must be 32 bytes, as 64 hex characters or base64");
  }
  return key;
}

/** Binds a ciphertext to the row it belongs to: a copy pasted into another row does not open there. */
export type SecretContext = { connectionId: string };

const aad = (context: SecretContext) => Buffer.from(`tandem:connection:${context.connectionId}`, "utf8");

/** AES-256-GCM; the envelope is `v2.<iv>.<tag>.<ciphertext>` in base64url, with the connection id as AAD. */
export function encryptSecret(plaintext: string, key: Buffer, context: SecretContext): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [CURRENT, ...[iv, tag, ciphertext].map((part) => part.toString("base64url"))].join(".");
}

export function decryptSecret(envelope: string, key: Buffer, context: SecretContext): string {
  const [version, iv, tag, ciphertext, extra] = envelope.split(".");
  if ((version !== CURRENT && version !== LEGACY) || !iv || !tag || ciphertext === undefined || extra !== undefined) {
    throw new AppError("CONFIGURATION", "Stored secret is not in a format this version can read");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
      authTagLength: TAG_BYTES,
    });
    if (version === CURRENT) decipher.setAAD(aad(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new AppError(
      "CONFIGURATION",
      "Stored secret cannot be decrypted: TANDEM_SECRET_KEY differs from the key it was saved with, or the secret " +
        "was saved for another connection",
      { cause },
    );
  }
}
