import { describe, expect, it } from "vitest";
import { rolesBelow, type Access } from "./access";
import { tableProblems, unscannedManifestEntries, type ReviewedTable } from "./check-endpoints";

const endpoint = (key: string, access: Access | null) => ({ key, access });

describe("tableProblems: the code against the reviewed table of least roles", () => {
  it.each<[string, ReturnType<typeof endpoint>[], ReviewedTable, string[]]>([
    [
      "the roles match",
      [endpoint("a#x", "admin"), endpoint("GET /h", "public")],
      { "a#x": "admin", "GET /h": "public: uptime" },
      [],
    ],
    [
      "an endpoint is new",
      [endpoint("a#x", "admin")],
      {},
      ["a#x: missing from the reviewed table; review it and add its least role"],
    ],
    [
      "an entry names no endpoint",
      [],
      { "a#gone": "viewer" },
      ["a#gone: in the reviewed table but no such endpoint; remove it"],
    ],
    [
      "the code declares a lower role",
      [endpoint("a#x", "viewer")],
      { "a#x": "admin" },
      ["a#x: declares viewer, lower than the reviewed least role admin"],
    ],
    [
      "the code made a reviewed role public",
      [endpoint("a#x", "public")],
      { "a#x": "consultant" },
      ["a#x: declares public, lower than the reviewed least role consultant"],
    ],
    [
      "the code declares a higher role",
      [endpoint("a#x", "admin")],
      { "a#x": "consultant" },
      ["a#x: declares admin but the table says consultant; review the change and update the table"],
    ],
    [
      "a public entry has no reason",
      [endpoint("GET /h", "public")],
      { "GET /h": "public: " },
      ["GET /h: a public entry needs the reason a signed-out visitor must reach it"],
    ],
    ["the code declares no helper (reported by the helper check)", [endpoint("a#x", null)], { "a#x": "admin" }, []],
  ])("should report what differs when %s", (_when, endpoints, table, expected) => {
    expect(tableProblems(endpoints, table)).toEqual(expected);
  });
});

describe("unscannedManifestEntries: the build's server actions against the scan", () => {
  const entry = (filename: string, exportedName: string) => ({ id: `id-${exportedName}`, filename, exportedName });
  const scanned = {
    exports: new Set(["lib/actions/a.ts#save", "lib/actions/a.ts#default"]),
    inlineCounts: new Map([["app/page.tsx", 1]]),
  };

  it.each([
    ["a scanned export", [entry("lib/actions/a.ts", "save")], []],
    ["a scanned default export", [entry("lib/actions/a.ts", "default")], []],
    ["an export the scan missed", [entry("lib/actions/a.ts", "other")], ["lib/actions/a.ts#other (action id-other)"]],
    ["a module the scan missed", [entry("db/b.ts", "save")], ["db/b.ts#save (action id-save)"]],
    ["an inline action the scan counted", [entry("app/page.tsx", "$$RSC_SERVER_ACTION_0")], []],
    [
      "more inline actions than the scan counted",
      [entry("app/page.tsx", "$$RSC_SERVER_ACTION_0"), entry("app/page.tsx", "$$RSC_SERVER_ACTION_1")],
      ["app/page.tsx#$$RSC_SERVER_ACTION_1 (action id-$$RSC_SERVER_ACTION_1)"],
    ],
    [
      "an inline action in a file the scan found none in",
      [entry("app/other/page.tsx", "$$RSC_SERVER_ACTION_0")],
      ["app/other/page.tsx#$$RSC_SERVER_ACTION_0 (action id-$$RSC_SERVER_ACTION_0)"],
    ],
  ])("should report the entries the scan missed when the manifest has %s", (_when, manifest, expected) => {
    expect(unscannedManifestEntries(manifest, scanned)).toEqual(expected);
  });
});

describe("rolesBelow: who must be refused", () => {
  it.each<[Access, string[]]>([
    ["public", []],
    ["viewer", []],
    ["consultant", ["viewer"]],
    ["admin", ["viewer", "consultant"]],
  ])("should refuse %s endpoints to %j", (required, expected) => {
    expect(rolesBelow(required)).toEqual(expected);
  });
});
