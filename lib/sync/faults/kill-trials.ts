import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Side } from "@/lib/mapping/model/direction";

/** The engine's own crash points (lib/sync/engine/crash-points.ts), each reached once per page of creates. */
export const ENGINE_POINTS = ["intents-written", "answered", "couplings-committed", "job-rows-written"] as const;

/**
 * How a trial ends its sync process: at an engine crash point; when the service has received the creates but not
 * answered ("sent": the service then writes them at once, "sent-late": only after the next process has started);
 * or after a random delay.
 */
export type Kill =
  | { kind: "engine"; point: (typeof ENGINE_POINTS)[number]; side: Side }
  | { kind: "sent"; side: Side; lateMs: number }
  | { kind: "random"; afterMs: number };
export type Trial = { kill: Kill; load: boolean };

/** A deterministic sequence, so a failing trial can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Every boundary on both sides, then random kills, then a round of both under CPU load. */
export function killPlan(next: () => number): Trial[] {
  const boundaries: Kill[] = (["crm", "erp"] as const).flatMap((side) => [
    ...ENGINE_POINTS.map((point): Kill => ({ kind: "engine", point, side })),
    { kind: "sent", side, lateMs: 0 },
    { kind: "sent", side, lateMs: 2500 },
  ]);
  const randomKill = (): Kill => ({ kind: "random", afterMs: 300 + Math.floor(next() * 3000) });
  const loaded: Kill[] = [
    { kind: "engine", point: "answered", side: "erp" },
    { kind: "sent", side: "erp", lateMs: 2500 },
    { kind: "engine", point: "couplings-committed", side: "crm" },
    { kind: "sent", side: "crm", lateMs: 2500 },
    randomKill(),
    randomKill(),
  ];
  return [
    ...boundaries.map((kill) => ({ kill, load: false })),
    ...Array.from({ length: 6 }, () => ({ kill: randomKill(), load: false })),
    ...loaded.map((kill) => ({ kill, load: true })),
  ];
}

export const describeKill = (kill: Kill): string =>
  kill.kind === "engine"
    ? `${kill.point}:${kill.side}`
    : kill.kind === "sent"
      ? `sent:${kill.side}${kill.lateMs ? " (late)" : ""}`
      : `random ${kill.afterMs} ms`;

export type SyncRun = { code: number | null; signal: NodeJS.Signals | null; output: string };

/** `tandem sync --mapping CUSTOMER` in its own process; `child` lets a trial kill it from outside. */
export function syncProcess(env: Record<string, string>, onStart?: (child: ChildProcess) => void): Promise<SyncRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("lib/cli/bin.mjs"), "sync", "--mapping", "CUSTOMER"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    onStart?.(child);
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
}

/** Busy loops on every core, so kills land in the windows a loaded machine opens. */
export function cpuLoad(workers = 2): () => void {
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
  );
  return () => children.forEach((child) => child.kill("SIGKILL"));
}

/** Whether a request to the served sandboxes creates records of `side`: a batch with creates, or a single POST. */
export function createsOf(side: Side, request: { method: string; url: string; body: string }): boolean {
  if (request.method !== "POST" || !request.url.startsWith(side === "crm" ? "/sandbox/crm/" : "/sandbox/erp/"))
    return false;
  if (request.url.includes("$batch"))
    return side === "crm" ? /^POST /m.test(request.body) : /"method"\s*:\s*"POST"/.test(request.body);
  return !request.url.includes("/oauth2/");
}
