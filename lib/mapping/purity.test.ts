import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FORBIDDEN = [
  /from ["'](react|react-dom|next)(\/[^"']*)?["']/,
  /from ["']@\/db\b/,
  /from ["'](drizzle-orm|pg|@electric-sql\/pglite|@neondatabase\/serverless)(\/[^"']*)?["']/,
  /\bfetch\(/,
  /from ["']node:(fs|http|https|net|child_process)["']/,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The pure core: the mapping model and compiler, and the engine's decisions and plans. */
const PURE_DIRECTORIES = ["lib/mapping", "lib/sync/model", "lib/sync/decide", "lib/sync/plan"];

describe("pure core", () => {
  it.each(PURE_DIRECTORIES)(
    "should import no React, Next, database, network or file system when it is %s",
    (directory) => {
      const offenders = sources(path.resolve(directory)).flatMap((file) => {
        const text = fs.readFileSync(file, "utf8");
        return FORBIDDEN.filter((pattern) => pattern.test(text)).map(
          (pattern) => `${path.relative(process.cwd(), file)} ~ ${pattern}`,
        );
      });
      expect(offenders).toEqual([]);
    },
  );
});
