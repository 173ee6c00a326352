import type { Database } from "@/db/client";
import type { Connection } from "@/db/schema";
import { BusinessCentralConnector } from "@/lib/connectors/business-central/business-central-connector";
import type { Connector } from "@/lib/connectors/connector";
import { DataverseConnector } from "@/lib/connectors/dataverse/dataverse-connector";
import type { FetchLike } from "@/lib/connectors/odata/token-provider";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SandboxRuntime } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";
import { routeSandbox } from "@/lib/sandbox/serve-sandbox";
import { secretKey } from "@/lib/server/secrets";

const SCOPES: Record<Side, string> = {
  erp: "https://api.businesscentral.dynamics.com/.default",
  crm: "https://sandbox-crm/.default",
};

/** Dataverse scopes are the environment's URL: https://<org>.crm.dynamics.com/.default. */
function scopeFor(connection: Connection): string {
  if (connection.system === "erp" || connection.kind === "sandbox") return SCOPES[connection.system];
  const origin = new URL(connection.baseUrl).origin.replace(".api.", ".");
  return `${origin}/.default`;
}

export type BuiltConnectors = { connectors: Record<Side, Connector>; catalogs: Record<Side, SchemaCatalog> };

/**
 * Connectors for the configured connections. Sandbox connections run the simulators in this process over the same
 * database (requests never touch the network); real ones speak HTTPS with the stored, encrypted client secret.
 */
export async function buildConnectors(
  db: Database,
  rows: Record<Side, Connection | null>,
  options: { retry?: { maxAttempts?: number } } = {},
): Promise<BuiltConnectors> {
  let runtime: SandboxRuntime | undefined;
  const build = (side: Side): { connector: Connector; catalog: SchemaCatalog | null } => {
    const connection = rows[side];
    if (!connection)
      throw new AppError(
        "CONFIGURATION",
        `No ${side === "erp" ? "Business Central" : "Dataverse"} connection is configured.`,
      );
    const sandbox = connection.kind === "sandbox";
    if (sandbox) runtime ??= new SandboxRuntime({ db });
    const fetchVia: FetchLike | undefined = sandbox ? (request) => routeSandbox(runtime!, request) : undefined;
    const clientSecret = sandbox
      ? DEMO_CLIENT.clientSecret
      : connection.clientSecretEncrypted
        ? decryptSecret(connection.clientSecretEncrypted, secretKey(), { connectionId: connection.id })
        : "";
    const scope = (connection.settings as { scope?: string }).scope ?? scopeFor(connection);
    const credentials = {
      tokenUrl: connection.tokenUrl ?? "",
      clientId: connection.clientId ?? "",
      clientSecret,
      scope,
    };
    const common = {
      credentials,
      fetch: fetchVia,
      retry: options.retry,
      ...(sandbox ? { catalog: STATIC_CATALOGS[side] } : {}),
    };
    if (side === "erp") {
      const companyId = String((connection.settings as { companyId?: string }).companyId ?? "");
      if (!companyId)
        throw new AppError("CONFIGURATION", "The Business Central connection has no company id in its settings.");
      return {
        connector: new BusinessCentralConnector({ apiUrl: connection.baseUrl, companyId, ...common }),
        catalog: sandbox ? STATIC_CATALOGS.erp : null,
      };
    }
    return {
      connector: new DataverseConnector({ serviceUrl: connection.baseUrl, ...common }),
      catalog: sandbox ? STATIC_CATALOGS.crm : null,
    };
  };
  const erp = build("erp");
  const crm = build("crm");
  return {
    connectors: { erp: erp.connector, crm: crm.connector },
    // A real tenant describes itself; the static catalogs are what the sandboxes are built from.
    catalogs: {
      erp: erp.catalog ?? (await erp.connector.describe()),
      crm: crm.catalog ?? (await crm.connector.describe()),
    },
  };
}
