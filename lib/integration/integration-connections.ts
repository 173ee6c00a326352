import { and, eq } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { connectionPairs, connections, type Connection } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Side } from "@/lib/mapping/model/direction";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";

/** The origin in-process sandbox connections are addressed at; requests never leave the process. */
export const SANDBOX_ORIGIN = "http://sandbox.internal";

export const SANDBOX_CONNECTIONS = [
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

export const SANDBOX_TOKEN_URL = `${SANDBOX_ORIGIN}${SANDBOX_PATHS.token}/tandem/oauth2/v2.0/token`;

/**
 * One sandbox connection per system, so the app and `tandem sync` work out of the box. Each becomes the active
 * connection of its system when that system has none.
 */
export async function ensureSandboxConnections(db: Database): Promise<number> {
  let created = 0;
  for (const connection of SANDBOX_CONNECTIONS) {
    const [existing] = await db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.system, connection.system), eq(connections.kind, "sandbox")))
      .limit(1);
    if (!existing) {
      await db
        .insert(connections)
        .values({ ...connection, kind: "sandbox", tokenUrl: SANDBOX_TOKEN_URL, clientId: DEMO_CLIENT.clientId })
        .onConflictDoNothing();
      created++;
    }
    const [active] = await db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.system, connection.system), eq(connections.active, true)));
    if (!active)
      await db
        .update(connections)
        .set({ active: true })
        .where(and(eq(connections.system, connection.system), eq(connections.kind, "sandbox")));
  }
  return created;
}

/** The connection each side syncs through. */
export async function activeConnections(db: DbOrTx): Promise<Record<Side, Connection | null>> {
  const rows = await db.select().from(connections).where(eq(connections.active, true));
  const of = (system: Side) => rows.find((r) => r.system === system) ?? null;
  return { erp: of("erp"), crm: of("crm") };
}

/** The pair of two connections, made on first use: what couplings, watermarks and jobs are kept under. */
export async function pairOf(db: DbOrTx, erpConnectionId: string, crmConnectionId: string): Promise<string> {
  await db.insert(connectionPairs).values({ erpConnectionId, crmConnectionId }).onConflictDoNothing();
  const [pair] = await db
    .select({ id: connectionPairs.id })
    .from(connectionPairs)
    .where(
      and(eq(connectionPairs.erpConnectionId, erpConnectionId), eq(connectionPairs.crmConnectionId, crmConnectionId)),
    );
  return pair!.id;
}

/** The active pair: the active connection of each system. */
export async function activePairId(db: DbOrTx): Promise<string> {
  const active = await activeConnections(db);
  if (!active.erp || !active.crm)
    throw new AppError(
      "CONFIGURATION",
      `No active ${active.erp ? "Dynamics 365 Sales" : "Business Central"} connection: set one up on the Connections page.`,
    );
  return pairOf(db, active.erp.id, active.crm.id);
}
