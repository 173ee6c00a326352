import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The engine knows sides (erp, crm), never systems: what it needs of one is a connector capability, and tests that are
 * about one system live in lib/integration or lib/connectors. Comments may cite the reference (BC's names for things).
 * This test sits here, where systems meet the engine, because it has to name them.
 */
export const SYSTEM_NAMES = [
  /dataverse/i,
  /business[\s_-]*central/i,
  /dynamics/i,
  /(?<![A-Za-z0-9])(?:bc|BC|Bc)(?![a-z0-9])/, // bc-sales, bcSales, BC_SALES, BC — not "abc" or hex digits
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

/** The source with every comment blanked out (line breaks kept), as the compiler itself finds them. */
export function withoutComments(text: string, fileName = "file.ts"): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const chars = text.split("");
  const blank = (range: ts.CommentRange) => {
    for (let i = range.pos; i < range.end; i++) if (chars[i] !== "\n") chars[i] = " ";
  };
  const visit = (node: ts.Node) => {
    for (const range of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) blank(range);
    for (const range of ts.getTrailingCommentRanges(text, node.getEnd()) ?? []) blank(range);
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return chars.join("");
}

/** `file:line: text` for each line naming a system: code outside comments, and documents whole. */
export function systemNamesIn(file: string, text: string): string[] {
  const code = /\.[cm]?[jt]sx?$/.test(file) ? withoutComments(text, file) : text;
  return code
    .split("\n")
    .flatMap((line, index) =>
      SYSTEM_NAMES.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
    );
}

const relative = (file: string) => path.relative(process.cwd(), file);

describe("an engine that knows no system", () => {
  it.each<[string, string, boolean]>([
    ["an import of a system's connector", 'import { X } from "@/lib/connectors/dataverse/x";', true],
    ["a message naming a system", "const m = `a deleted Business Central record`;", true],
    ["the template's rules", "run(BC_SALES_RULES);", true],
    ["a camel-cased system prefix", "bcSalesTemplateModel();", true],
    ["a test name naming a system", 'it("should x when a Dataverse create y", f);', true],
    ["a line comment", "// BC's SynchRecord (§4.4)", false],
    ["a doc comment", "/** Dataverse stamps modified-on to the second. */", false],
    ["a trailing comment", "run(); // as Business Central does", false],
    ["a side's role", 'const into = side === "crm" ? "erp" : "crm";', false],
    ["hex digits and words with bc inside", 'const id = "0e7ab9d0-00bc-4000"; abc();', false],
  ])("should tell whether %s names a system", (_what, line, names) => {
    expect(systemNamesIn("x.ts", line).length > 0).toBe(names);
  });

  it("should find no system name in lib/sync outside comments when it reads every file there", () => {
    const offenders = files(path.resolve("lib/sync")).flatMap((file) =>
      systemNamesIn(relative(file), fs.readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("should let rules reach the engine only through its rule API when it reads every rule module", () => {
    const offenders = files(path.resolve("lib/rules"))
      .filter(
        (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes(`${path.sep}test${path.sep}`),
      )
      .flatMap((file) =>
        [...fs.readFileSync(file, "utf8").matchAll(/from ["'](@\/lib\/sync\/[^"']+)["']/g)]
          .map((match) => match[1]!)
          .filter((target) => target !== "@/lib/sync/rules/rule-api")
          .map((target) => `${relative(file)} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });
});
