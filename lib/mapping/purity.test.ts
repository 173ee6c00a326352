import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FORBIDDEN = [/from ["'](react|react-dom|next)(\/[^"']*)?["']/, /from ["']@\/db\b/, /from ["'](drizzle-orm|pg|@electric-sql\/pglite|@neondatabase\/serverless)(\/[^"']*)?["']/, /\bfetch\(/, /from ["']node:(fs|http|https|net|child_process)["']/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("lib/mapping", () => {
  it("should import no React, Next, database, network or file system when it is the pure core", () => {
    const offenders = sources(path.resolve("lib/mapping")).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(process.cwd(), file)} ~ ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });
});
