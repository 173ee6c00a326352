import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/http/define-route";
import { checkCronSecret, processQueue, runTick } from "@/lib/jobs/tick";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

const handler = publicRoute("schedulers call it with the CRON_SECRET bearer token instead of a session", async (request) => {
  checkCronSecret(request.headers.get("authorization"), process.env.CRON_SECRET);
  const budget = Number(new URL(request.url).searchParams.get("budgetSeconds") ?? 50);
  const seconds = Number.isFinite(budget) ? Math.min(280, Math.max(1, budget)) : 50;
  const handle = await getDb();
  const result = await runTick(handle.db, await processQueue(handle), Date.now() + seconds * 1000);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

export const GET = handler;
export const POST = handler;
