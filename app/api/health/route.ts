import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** Answers after a real query; says which driver, nothing more. */
export const GET = publicRoute("load balancers and uptime checks call it without a session", async () => {
  try {
    const { db, driver } = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, db: driver }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database check failed:", error);
    return Response.json({ ok: false, db: null }, { status: 503, headers: { "cache-control": "no-store" } });
  }
});
