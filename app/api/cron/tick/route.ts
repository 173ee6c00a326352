import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/http/define-route";
import { checkCronSecret, processQueue, runTick } from "@/lib/jobs/tick";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** Queues due mappings and works through sync jobs until the budget (?budgetSeconds, default 50) runs out. */
async function tick(request: Request): Promise<Response> {
  checkCronSecret(request.headers.get("authorization"), process.env.CRON_SECRET);
  const budget = Number(new URL(request.url).searchParams.get("budgetSeconds") ?? 50);
  const seconds = Number.isFinite(budget) ? Math.min(280, Math.max(1, budget)) : 50;
  const handle = await getDb();
  const result = await runTick(handle.db, await processQueue(handle), Date.now() + seconds * 1000);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}

export const GET = publicRoute("schedulers call it with the CRON_SECRET bearer token instead of a session", tick);
export const POST = publicRoute("schedulers call it with the CRON_SECRET bearer token instead of a session", tick);
