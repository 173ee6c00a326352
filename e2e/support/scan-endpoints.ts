import fs from "node:fs";
import path from "node:path";
import { ROLES, type Role } from "../../db/schema/enums";

export type Access = Role | "public";
export type DeclaredAction = { file: string; name: string; access: Access | null };
export type DeclaredRoute = { file: string; urlPath: string; method: string; access: Access | null };

const SOURCE_ROOTS = ["app", "lib", "components"];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
// Route segment config a route.ts may export besides its handlers.
const ROUTE_CONFIG = [
  "dynamic",
  "dynamicParams",
  "revalidate",
  "fetchCache",
  "runtime",
  "preferredRegion",
  "maxDuration",
];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export\s+(?:const|let|var|async\s+function|function)\s+(\w+)/gm)].map((m) => m[1]!);
}

function accessOf(source: string, name: string, helper: "action" | "route"): Access | null {
  const escaped = name.replace(/\$/g, "\\$");
  const [roleFn, publicFn] = helper === "action" ? ["defineAction", "definePublicAction"] : ["withRole", "publicRoute"];
  const declared = new RegExp(
    `^export\\s+const\\s+${escaped}\\s*=\\s*(${roleFn}|${publicFn})\\(\\s*(?:"(\\w+)")?`,
    "m",
  ).exec(source);
  if (!declared) return null;
  if (declared[1] === publicFn) return "public";
  return (ROLES as readonly string[]).includes(declared[2] ?? "") ? (declared[2] as Role) : null;
}

/** Every export of every "use server" file, with the access its helper declares (null: not built with a helper). */
export function declaredServerActions(): DeclaredAction[] {
  return SOURCE_ROOTS.flatMap(walk).flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(source.replace(/^\s*(\/\/.*\n|\/\*[\s\S]*?\*\/)*/g, ""))) return [];
    return exportedNames(source).map((name) => ({ file, name, access: accessOf(source, name, "action") }));
  });
}

/** Every HTTP handler of every app/**\/route.ts, with its URL and declared access. */
export function declaredRouteHandlers(): DeclaredRoute[] {
  return walk("app")
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      const urlPath =
        "/" +
        path
          .dirname(file)
          .split(path.sep)
          .slice(1)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .join("/");
      return exportedNames(source)
        .filter((name) => !ROUTE_CONFIG.includes(name))
        .map((method) => ({
          file,
          urlPath,
          method,
          access: HTTP_METHODS.includes(method) ? accessOf(source, method, "route") : null,
        }));
    });
}

/** A concrete URL for a route pattern: dynamic segments get a placeholder. */
export function concreteUrl(pattern: string): string {
  return pattern.replace(/\[\[?\.\.\.\w+\]?\]/g, "x/y").replace(/\[\w+\]/g, "x");
}
