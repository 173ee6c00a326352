import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { ManifestEntry } from "../../lib/testing/endpoint-scan/check-endpoints";

export type ManifestAction = ManifestEntry & { pagePath: string };

type ManifestActions = Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;

/** The server actions of the built app, from Next's manifest: what a browser could call. */
export function builtServerActions(): ManifestAction[] {
  const manifestFile = path.join(".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    node?: ManifestActions;
    edge?: ManifestActions;
  };
  return [...Object.entries(manifest.node ?? {}), ...Object.entries(manifest.edge ?? {})].map(([id, entry]) => ({
    id,
    // The scan keys files from the project root: a "./" or "[project]/" prefix must not hide one from the comparison.
    filename: (entry.filename ?? "(no file in the manifest)").replace(/^(\[project\]\/|\.\/)/, ""),
    exportedName: entry.exportedName ?? "(no name in the manifest)",
    pagePath: pageToPath(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}

/** "app/(app)/users/page" → "/users"; dynamic segments get a placeholder value. */
function pageToPath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith("[") ? "x" : s));
  return `/${segments.join("/")}`;
}

export type ActionOutcome = { status: number; redirectedTo?: string; ok?: boolean; code?: string; body: string };

/** Calls a server action the way Next's client does, with `args` as its arguments. */
export async function callServerAction(
  context: APIRequestContext,
  action: ManifestAction,
  args: unknown[],
): Promise<ActionOutcome> {
  const response = await context.post(action.pagePath, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const result = /^\d+:(\{"ok":.*)$/m.exec(body)?.[1];
  const parsed = result ? (JSON.parse(result) as { ok: boolean; error?: { code: string } }) : undefined;
  return {
    status: response.status(),
    redirectedTo: response.headers().location,
    ok: parsed?.ok,
    code: parsed?.error?.code,
    body,
  };
}
