import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readOrCreateSecretFile } from "./generated-secrets";
import { authSecret, secretKey } from "./secrets";
import { checkSecretsAtStart } from "./start-checks";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-secrets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("generated secrets", () => {
  it("should create the secret once and return the same value when read again", () => {
    const dir = tempDir();
    const first = readOrCreateSecretFile(dir, "secret.key");
    expect(Buffer.from(first, "base64")).toHaveLength(32);
    expect(readOrCreateSecretFile(dir, "secret.key")).toBe(first);
    expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
  });

  it("should keep the key in the data dir when no TANDEM_SECRET_KEY is set on the embedded default", () => {
    const dir = tempDir();
    const key = secretKey({ PGLITE_DIR: dir });
    expect(key).toHaveLength(32);
    expect(secretKey({ PGLITE_DIR: dir }).equals(key)).toBe(true);
  });

  it("should use TANDEM_SECRET_KEY when it is set", () => {
    const hex = "ab".repeat(32);
    expect(secretKey({ TANDEM_SECRET_KEY: hex, PGLITE_DIR: tempDir() }).toString("hex")).toBe(hex);
  });

  it("should demand the secrets in the environment when DATABASE_URL is set", () => {
    const env = { DATABASE_URL: "postgres://u@db.example.test/tandem" };
    expect(() => secretKey(env)).toThrow(/TANDEM_SECRET_KEY must be set/);
    expect(() => authSecret(env)).toThrow(/AUTH_SECRET must be set/);
    const given = "g".repeat(32);
    expect(authSecret({ ...env, AUTH_SECRET: given })).toBe(given);
  });

  it.each([
    ["AUTH_SECRET", { AUTH_SECRET: "x".repeat(31) }, /AUTH_SECRET must be at least 32 bytes/],
    ["TANDEM_SECRET_KEY", { TANDEM_SECRET_KEY: "ab".repeat(31) }, /32 bytes/],
  ])("should refuse %s at start when it is shorter than 32 bytes", (_name, given, message) => {
    const valid = { AUTH_SECRET: "a".repeat(32), TANDEM_SECRET_KEY: "cd".repeat(32) };
    const env = { DATABASE_URL: "postgres://u@db.example.test/tandem", ...valid, ...given };
    expect(() => checkSecretsAtStart(env)).toThrow(message);
  });
});
