import type { Role } from "../../../db/schema/enums";
import { accessRank, type Access } from "./access";

/** A reviewed entry: the least role that may call the endpoint, or `public: <why a signed-out visitor must>`. */
export type ReviewedAccess = Role | `public: ${string}`;
export type ReviewedTable = Readonly<Record<string, ReviewedAccess>>;

/** An endpoint as the scan found it: `file#export` for actions, `METHOD /url/pattern` for routes. */
export type ScannedEndpoint = { key: string; access: Access | null };

export function reviewedAccess(entry: ReviewedAccess): Access {
  return entry.startsWith("public:") ? "public" : (entry as Role);
}

/** Every way the code and the reviewed table disagree; empty when they match exactly. */
export function tableProblems(endpoints: readonly ScannedEndpoint[], table: ReviewedTable): string[] {
  const problems: string[] = [];
  const scanned = new Set(endpoints.map((endpoint) => endpoint.key));
  for (const { key, access } of endpoints) {
    const entry = table[key];
    if (entry === undefined) {
      problems.push(`${key}: missing from the reviewed table; review it and add its least role`);
      continue;
    }
    if (entry.startsWith("public:") && !entry.slice("public:".length).trim())
      problems.push(`${key}: a public entry needs the reason a signed-out visitor must reach it`);
    if (access === null) continue; // reported by the helper check, with what was found instead
    const reviewed = reviewedAccess(entry);
    if (accessRank(access) < accessRank(reviewed))
      problems.push(`${key}: declares ${access}, lower than the reviewed least role ${reviewed}`);
    else if (accessRank(access) > accessRank(reviewed))
      problems.push(
        `${key}: declares ${access} but the table says ${reviewed}; review the change and update the table`,
      );
  }
  for (const key of Object.keys(table))
    if (!scanned.has(key)) problems.push(`${key}: in the reviewed table but no such endpoint; remove it`);
  return problems;
}

export type ManifestEntry = { id: string; filename: string; exportedName: string };
export type ScannedActions = { exports: ReadonlySet<string>; inlineCounts: ReadonlyMap<string, number> };

// How Next names the functions it hoists out of an inline "use server" directive.
const INLINE_EXPORT = /^\$\$RSC_SERVER_ACTION_\d+$/;

/**
 * The built server actions the scan did not find: each manifest entry must be a scanned `file#export`, or one of
 * the inline "use server" functions the scan counted in that file.
 */
export function unscannedManifestEntries(manifest: readonly ManifestEntry[], scanned: ScannedActions): string[] {
  const inlineSeen = new Map<string, number>();
  const missed: string[] = [];
  for (const entry of manifest) {
    if (scanned.exports.has(`${entry.filename}#${entry.exportedName}`)) continue;
    if (INLINE_EXPORT.test(entry.exportedName)) {
      const seen = (inlineSeen.get(entry.filename) ?? 0) + 1;
      inlineSeen.set(entry.filename, seen);
      if (seen <= (scanned.inlineCounts.get(entry.filename) ?? 0)) continue;
    }
    missed.push(`${entry.filename}#${entry.exportedName} (action ${entry.id})`);
  }
  return missed;
}
