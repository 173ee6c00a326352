import fs from "node:fs";
import path from "node:path";
import type { ScannedActions, ScannedEndpoint } from "../../lib/testing/endpoint-scan/check-endpoints";
import { scanModule } from "../../lib/testing/endpoint-scan/scan-module";
import type { Access } from "../../lib/testing/endpoint-scan/access";

export type { Access };
export type DeclaredAction = ScannedEndpoint & {
  file: string;
  name: string;
  line: number;
  why?: string;
  inline: boolean;
};
export type DeclaredRoute = ScannedEndpoint & { file: string; urlPath: string; method: string; why?: string };

// Everything but what is never built into the app: dependencies, build output, data, tests.
const SKIPPED_DIRS = new Set(["node_modules", "e2e", "public", "test-results", "playwright-report", "migrations"]);
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const NOT_BUILT = /\.(test|spec)\.\w+$|\.d\.ts$/;
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
  "generateStaticParams",
];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) ? [] : walk(full);
    return SOURCE_FILE.test(entry.name) && !NOT_BUILT.test(entry.name) ? [full] : [];
  });
}

/**
 * Every server action in the sources: each export of a "use server" module (however it is exported) and each
 * function with an inline "use server" directive, with the access its helper declares (null: none, and why).
 */
export function declaredServerActions(): DeclaredAction[] {
  return walk(".").flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!source.includes("use server")) return [];
    const scanned = scanModule(file, source, "action");
    const exported = scanned.useServer
      ? scanned.exports.map(({ name, line, access, why }) => ({
          key: `${file}#${name}`,
          file,
          name,
          line,
          access,
          why,
          inline: false,
        }))
      : [];
    const inline = scanned.inlineActions.map(({ name, line }) => ({
      key: `${file}#${name} (inline "use server", line ${line})`,
      file,
      name,
      line,
      access: null,
      why: 'an inline "use server" function: move it to a "use server" module and build it with defineAction',
      inline: true,
    }));
    return [...exported, ...inline];
  });
}

/** What the manifest check needs: the scanned `file#export` keys and the inline actions per file. */
export function scannedActionIndex(actions: readonly DeclaredAction[]): ScannedActions {
  const inlineCounts = new Map<string, number>();
  const exports = new Set<string>();
  for (const action of actions) {
    if (action.inline) inlineCounts.set(action.file, (inlineCounts.get(action.file) ?? 0) + 1);
    else exports.add(action.key);
  }
  return { exports, inlineCounts };
}

/** "app/(app)/x/[id]/route.ts" → "/x/[id]": route groups are not part of the URL. */
function urlPathOf(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

/** Every export of every app/**\/route.ts, keyed `METHOD /url`, with its declared access. */
export function declaredRouteHandlers(): DeclaredRoute[] {
  return walk("app")
    .filter((file) => /(^|\/)route\.\w+$/.test(file))
    .flatMap((file) => {
      const urlPath = urlPathOf(file);
      return scanModule(file, fs.readFileSync(file, "utf8"), "route")
        .exports.filter(({ name }) => !ROUTE_CONFIG.includes(name))
        .map(({ name, access, why }) => {
          const handler = HTTP_METHODS.includes(name);
          return {
            key: `${name} ${urlPath}`,
            file,
            urlPath,
            method: name,
            access: handler ? access : null,
            why: handler ? why : "neither an HTTP method nor route segment config",
          };
        });
    });
}

/** A concrete URL for a route pattern: dynamic segments get a placeholder. */
export function concreteUrl(pattern: string): string {
  return pattern.replace(/\[\[?\.\.\.\w+\]?\]/g, "x/y").replace(/\[\w+\]/g, "x");
}
