import type { Database } from "@/db/client";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections } from "@/lib/integration/integration-connections";

export type DesignerCatalogs = { catalogs: Record<Side, SchemaCatalog>; source: "connections" | "static" };

/**
 * The connected systems' catalogs (each connector's describe(); the sandboxes answer with the static catalogs),
 * or the static catalogs when a system cannot be reached, so the designer works offline too.
 */
export async function loadDesignerCatalogs(db: Database): Promise<DesignerCatalogs> {
  try {
    const { catalogs } = await buildConnectors(db, await activeConnections(db), { retry: { maxAttempts: 1 } });
    return { catalogs, source: "connections" };
  } catch {
    return { catalogs: STATIC_CATALOGS, source: "static" };
  }
}
