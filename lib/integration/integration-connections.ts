import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { connections, type Connection } from "@/db/schema";
import type { Side } from "@/lib/mapping/model/direction";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";

/** The origin in-process sandbox connections are addressed at; requests never leave the process. */
export const SANDBOX_ORIGIN = "http://sandbox.internal";

const SANDBOX_CONNECTIONS = [
  {
    name: "Business Central (sandbox)",
    system: "erp" as const,
    baseUrl: `${SANDBOX_ORIGIN}${SANDBOX_PATHS.erp}`,
    settings: { companyId: BC_COMPANY.id },
  },
  {
    name: "Dynamics 365 Sales (sandbox)",
    system: "crm" as const,
    baseUrl: `${SANDBOX_ORIGIN}${SANDBOX_PATHS.crm}`,
    settings: {},
  },
];

/** First start: one sandbox connection per system, so the app and `tandem sync` work out of the box. */
export async function ensureSandboxConnections(db: Database): Promise<number> {
  let created = 0;
  for (const connection of SANDBOX_CONNECTIONS) {
    const [existing] = await db
      .select({ id: connections.id })
      .from(connections)
      .where(eq(connections.system, connection.system))
      .limit(1);
    if (existing) continue;
    await db
      .insert(connections)
      .values({
        ...connection,
        kind: "sandbox",
        tokenUrl: `${SANDBOX_ORIGIN}${SANDBOX_PATHS.token}/tandem/oauth2/v2.0/token`,
        clientId: DEMO_CLIENT.clientId,
      })
      .onConflictDoNothing();
    created++;
  }
  return created;
}

/** The connection each side syncs through: the newest one configured for that system. */
export async function activeConnections(db: Database): Promise<Record<Side, Connection | null>> {
  const rows = await db.select().from(connections);
  const newest = (system: Side) =>
    rows.filter((r) => r.system === system).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0] ?? null;
  return { erp: newest("erp"), crm: newest("crm") };
}
