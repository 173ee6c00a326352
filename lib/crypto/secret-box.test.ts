import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseSecretKey } from "./secret-box";

const key = randomBytes(32);
const row = { connectionId: randomUUID() };

const parts = (envelope: string) => envelope.split(".");
const b64 = (text: string) => Buffer.from(text, "base64url");

/** What secret-box wrote before v2: no additional authenticated data. */
function legacyEnvelope(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", ...[iv, cipher.getAuthTag(), ciphertext].map((p) => p.toString("base64url"))].join(".");
}

describe("secret box", () => {
  it.each(["", "s3cret", "ünïcødé ✓ \u0000 binary-ish", "x".repeat(10_000)])(
    "should round-trip %j when encrypted and decrypted for the same connection",
    (plain) => {
      expect(decryptSecret(encryptSecret(plain, key, row), key, row)).toBe(plain);
    },
  );

  it("should produce a different envelope each time when encrypting the same text", () => {
    expect(encryptSecret("same", key, row)).not.toBe(encryptSecret("same", key, row));
  });

  it("should not contain the plaintext when encrypted", () => {
    expect(encryptSecret("client-secret-value", key, row)).not.toContain("client-secret-value");
  });

  it("should write a v2 envelope with a 16-byte tag when encrypting", () => {
    const [version, iv, tag] = parts(encryptSecret("secret", key, row));
    expect(version).toBe("v2");
    expect(b64(iv!)).toHaveLength(12);
    expect(b64(tag!)).toHaveLength(16);
  });

  it("should refuse to decrypt when the ciphertext was tampered with", () => {
    const envelope = parts(encryptSecret("secret", key, row));
    const body = b64(envelope[3]!);
    body[0]! ^= 1;
    envelope[3] = body.toString("base64url");
    expect(() => decryptSecret(envelope.join("."), key, row)).toThrow(/cannot be decrypted/);
  });

  it("should refuse to decrypt when the key differs", () => {
    expect(() => decryptSecret(encryptSecret("secret", key, row), randomBytes(32), row)).toThrow(/cannot be decrypted/);
  });

  it("should refuse to decrypt when the ciphertext was copied from another connection's row", () => {
    const other = encryptSecret("the other tenant's secret", key, { connectionId: randomUUID() });
    expect(() => decryptSecret(other, key, row)).toThrow(/cannot be decrypted/);
  });

  it("should refuse to decrypt when the authentication tag was truncated", () => {
    const envelope = parts(encryptSecret("secret", key, row));
    // The first bytes of a valid GCM tag are a valid short tag: only a pinned tag length refuses them.
    envelope[2] = b64(envelope[2]!).subarray(0, 4).toString("base64url");
    expect(() => decryptSecret(envelope.join("."), key, row)).toThrow(/cannot be decrypted/);
  });

  it("should still open a v1 envelope when it was stored before the connection id was bound", () => {
    expect(decryptSecret(legacyEnvelope("old secret"), key, row)).toBe("old secret");
  });

  it.each(["v9.a.b.c", "v2.a.b", "v2.a.b.c.d", ""])(
    "should reject the envelope %j when its format is unknown",
    (text) => {
      expect(() => decryptSecret(text, key, row)).toThrow(/format/);
    },
  );

  it.each([
    ["accept", "64 hex characters", key.toString("hex")],
    ["accept", "base64", key.toString("base64")],
    ["refuse", "16 bytes in hex", randomBytes(16).toString("hex")],
    ["refuse", "31 bytes in base64", randomBytes(31).toString("base64")],
    ["refuse", "free text", "not a key"],
  ])("should %s the key when it is given as %s", (verdict, _form, text) => {
    if (verdict === "accept") expect(parseSecretKey(text).equals(key)).toBe(true);
    else expect(() => parseSecretKey(text)).toThrow(/32 bytes/);
  });
});
