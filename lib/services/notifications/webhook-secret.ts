import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/server/secrets";

// Bound into the envelope like a connection's id: a connection's secret pasted here does not open, nor this one there.
const CONTEXT = { connectionId: "webhook" };

export function sealWebhookSecret(secret: string): string {
  return encryptSecret(secret, secretKey(), CONTEXT);
}

export function openWebhookSecret(envelope: string): string {
  return decryptSecret(envelope, secretKey(), CONTEXT);
}
