/**
 * Fault injection for the kill suite: `TANDEM_CRASH_AT=<point>:<n>` kills this process outright (SIGKILL, as a power
 * cut or an OOM kill would) the n-th time it reaches `<point>`. Points sit on the phase boundaries of a write:
 * intents-written, answered, couplings-committed, job-rows-written — each with the side written into (`:erp`/`:crm`).
 * Unset, a crash point costs one comparison.
 */
const spec = process.env.TANDEM_CRASH_AT ? /^(.+):(\d+)$/.exec(process.env.TANDEM_CRASH_AT) : null;
let reached = 0;

export function crashPoint(point: string): void {
  if (!spec || spec[1] !== point) return;
  reached += 1;
  if (reached === Number(spec[2])) process.kill(process.pid, "SIGKILL");
}
