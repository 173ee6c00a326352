import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseSecretKey } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it.each(["", "s3cret", "ünïcødé ✓ \u0000 binary-ish", "x".repeat(10_000)])(
    "should round-trip %j when encrypted and decrypted",
    (plain) => {
      expect(decryptSecret(encryptSecret(plain, key), key)).toBe(plain);
    },
  );

  it("should produce a different envelope each time when encrypting the same text", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("should not contain the plaintext when encrypted", () => {
    expect(encryptSecret("client-secret-value", key)).not.toContain("client-secret-value");
  });

  it("should refuse to decrypt when the ciphertext was tampered with", () => {
    const envelope = encryptSecret("secret", key);
    const parts = envelope.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow(/cannot be decrypted/);
  });

  it("should refuse to decrypt when the key differs", () => {
    expect(() => decryptSecret(encryptSecret("secret", key), randomBytes(32))).toThrow(/cannot be decrypted/);
  });

  it("should reject an envelope of an unknown format when decrypting", () => {
    expect(() => decryptSecret("v9.a.b.c", key)).toThrow(/format/);
  });

  it.each([
    ["hex", key.toString("hex"), true],
    ["base64", key.toString("base64"), true],
    ["a short key", randomBytes(16).toString("hex"), false],
    ["garbage", "not a key", false],
  ])("should %s parse a key given as %s", (_label, text, ok) => {
    if (ok) expect(parseSecretKey(text).equals(key)).toBe(true);
    else expect(() => parseSecretKey(text)).toThrow(/32 bytes/);
  });
});
