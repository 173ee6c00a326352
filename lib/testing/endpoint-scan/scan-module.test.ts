import { describe, expect, it } from "vitest";
import { scanModule } from "./scan-module";

const ACTION_HELPERS = 'import { defineAction, definePublicAction } from "./define-action";\n';
const actionModule = (body: string) => `"use server";\n${ACTION_HELPERS}${body}`;
const exportsOf = (source: string, kind: "action" | "route" = "action") =>
  scanModule("lib/actions/x.ts", source, kind).exports.map(({ name, access }) => [name, access]);

describe("scanModule: the exports of a module and the access their helper declares", () => {
  it.each([
    ["a const built with defineAction", 'export const a = defineAction("admin", async () => 1);', [["a", "admin"]]],
    ["a public action", 'export const a = definePublicAction("why", async () => 1);', [["a", "public"]]],
    [
      "an `export { x }` of a local action",
      'const a = defineAction("consultant", async () => 1);\nexport { a };',
      [["a", "consultant"]],
    ],
    [
      "an `export { x as y }` of a local action",
      'const a = defineAction("viewer", async () => 1);\nexport { a as b };',
      [["b", "viewer"]],
    ],
    ["an `export default` helper call", 'export default defineAction("admin", async () => 1);', [["default", "admin"]]],
    [
      "an `export default` of a local action",
      'const a = defineAction("viewer", async () => 1);\nexport default a;',
      [["default", "viewer"]],
    ],
    ["an `export default async function`", "export default async function go() {}", [["default", null]]],
    [
      "a destructured export",
      'export const { a, b: [c] } = { a: defineAction("admin", async () => 1), b: [] };',
      [
        ["a", null],
        ["c", null],
      ],
    ],
    ["an exported async function", "export async function a() {}", [["a", null]]],
    [
      "a role that is not a literal",
      "const r = 'admin';\nexport const a = defineAction(r, async () => 1);",
      [["a", null]],
    ],
    ["a role that does not exist", 'export const a = defineAction("root", async () => 1);', [["a", null]]],
    ["a wrapped helper", 'export const a = audited(defineAction("admin", async () => 1));', [["a", null]]],
    ["a re-export of another module", 'export { a } from "./other";', [["a", null]]],
    ["an `export *`", 'export * from "./other";', [["*", null]]],
    ["a re-exported import", 'import { a } from "./other";\nexport { a };', [["a", null]]],
    [
      "an alias of a local",
      'const a = defineAction("admin", async () => 1);\nconst b = a;\nexport { b };',
      [["b", "admin"]],
    ],
    ["types, which are no endpoints", "export type A = 1;\nexport interface B {}\nexport type { C } from './c';", []],
  ])("should read %s", (_what, body, expected) => {
    expect(exportsOf(actionModule(body))).toEqual(expected);
  });

  it.each([
    ["an alias", 'import { defineAction as guarded } from "@/lib/actions/define-action";', "guarded("],
    ["a namespace import", 'import * as helpers from "@/lib/actions/define-action";', "helpers.defineAction("],
  ])("should recognise the helper when it is imported under %s", (_what, importLine, call) => {
    expect(exportsOf(`"use server";\n${importLine}\nexport const a = ${call}"admin", async () => 1);`)).toEqual([
      ["a", "admin"],
    ]);
  });

  it("should not trust a helper of the same name that is not imported from define-action", () => {
    const source = `"use server";\nconst defineAction = (_r: string, run: () => unknown) => run;\nexport const a = defineAction("admin", async () => 1);`;
    expect(exportsOf(source)).toEqual([["a", null]]);
  });

  it.each([
    ['"use server" first', '"use server";\nexport const a = 1;', true],
    ["'use server' after comments", "// why\n/* more */\n'use server';\nexport const a = 1;", true],
    ['"use server" after another directive', '"use strict";\n"use server";', true],
    ['"use server" after an import', 'import x from "y";\n"use server";', false],
    ["a client module", '"use client";\nexport const a = 1;', false],
  ])("should tell a server module when it has %s", (_what, source, expected) => {
    expect(scanModule("x.ts", source, "action").useServer).toBe(expected);
  });

  it.each([
    ["a function declaration", 'async function save() {\n  "use server";\n}', [["save", 1]]],
    ["an arrow in a const", 'const save = async () => {\n  "use server";\n};', [["save", 1]]],
    [
      "a nested function in a component",
      'export default function Page() {\n  async function go() {\n    "use server";\n  }\n  return <form action={go} />;\n}',
      [["go", 2]],
    ],
    [
      "an inline arrow passed as a prop",
      'export default function Page() {\n  return <form action={async () => {\n    "use server";\n  }} />;\n}',
      [["anonymous function", 2]],
    ],
    ["a method", 'const o = {\n  async m() {\n    "use server";\n  },\n};', [["m", 2]]],
    ["no directive", 'async function save() {\n  return "use server";\n}', []],
  ])("should find an inline action in %s", (_what, source, expected) => {
    const found = scanModule("app/page.tsx", source, "action").inlineActions.map(({ name, line }) => [name, line]);
    expect(found).toEqual(expected);
  });

  it.each([
    ["withRole", 'export const GET = withRole("viewer", async () => new Response());', [["GET", "viewer"]]],
    ["publicRoute", 'export const POST = publicRoute("why", async () => new Response());', [["POST", "public"]]],
    [
      "one handler under two methods",
      'const handler = withRole("admin", async () => new Response());\nexport { handler as GET, handler as POST };',
      [
        ["GET", "admin"],
        ["POST", "admin"],
      ],
    ],
    [
      "a destructured Auth.js export",
      "export const { GET, POST } = handlers;",
      [
        ["GET", null],
        ["POST", null],
      ],
    ],
    ["an action helper in a route", 'export const GET = defineAction("admin", async () => 1);', [["GET", null]]],
  ])("should read a route handler built with %s", (_what, body, expected) => {
    const source = `import { withRole, publicRoute } from "@/lib/http/define-route";\nimport { defineAction } from "@/lib/actions/define-action";\n${body}`;
    expect(exportsOf(source, "route")).toEqual(expected);
  });
});
