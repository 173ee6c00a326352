import fs from "node:fs";
import path from "node:path";

const LOCK_FILE = "tandem.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own and two processes on one directory corrupt it, so we keep a pid file.
 * Returns the release function; a lock left by a dead process is taken over.
 */
export function acquireDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const held = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "", 10);
  if (Number.isFinite(held) && held !== process.pid && isAlive(held)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${held} (is \`npm start\` running?). ` +
        "Stop that process, or point DATABASE_URL at a PostgreSQL server to share one database.",
    );
  }
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}
