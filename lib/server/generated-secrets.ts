import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Reads a secret kept in the embedded data dir, creating it (0600) on first use. Only the embedded default
 * does this; deployments on Postgres must pass their secrets in the environment.
 */
export function readOrCreateSecretFile(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString("base64");
  try {
    fs.writeFileSync(file, value, { mode: 0o600, flag: "wx" });
    return value;
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
