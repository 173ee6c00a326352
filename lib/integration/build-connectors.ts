import type { Database } from "@/db/client";
import type { Connection } from "@/db/schema";
import { BusinessCentralConnector } from "@/lib/connectors/business-central/business-central-connector";
import type { Connector } from "@/lib/connectors/connector";
import { DataverseConnector } from "@/lib/connectors/dataverse/dataverse-connector";
import { ClientCredentialsTokens, type FetchLike, type TokenProvider } from "@/lib/connectors/odata/token-provider";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SandboxRuntime } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";
import { routeSandbox } from "@/lib/sandbox/serve-sandbox";
import { secretKey } from "@/lib/server/secrets";
import { usageMeter } from "@/lib/services/connections/connection-usage";

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
export type BuildOptions = {
  retry?: { maxAttempts?: number };
  timeoutMs?: number;
  /**
   * The entities a real tenant is asked to describe (the config's): a Dataverse environment has hundreds of tables
   * at four metadata requests each, and its choice columns are described as option-set entities only when named.
   */
  entities?: Record<Side, string[]>;
};
type Built = { connector: Connector; catalog: SchemaCatalog | null; tokens: TokenProvider };

/**
 * The connector for one connection. Sandbox connections run the simulators in this process over the same database
 * (requests never touch the network); real ones speak HTTPS with the stored, encrypted client secret, to the API and
 * token URLs stored with the connection and nowhere else.
 */
export function connectorFor(
  db: Database,
  connection: Connection,
  options: BuildOptions & {
    runtime?: () => SandboxRuntime;
    clientSecret?: string;
    catalog?: SchemaCatalog;
    /** A token source to share: a connector rebuilt with its catalog asks for no second token. */
    tokens?: TokenProvider;
  } = {},
): Built {
  const sandbox = connection.kind === "sandbox";
  let runtime: SandboxRuntime | undefined;
  const sandboxRuntime = () => (runtime ??= options.runtime?.() ?? new SandboxRuntime({ db }));
  const fetchVia: FetchLike | undefined = sandbox ? (request) => routeSandbox(sandboxRuntime(), request) : undefined;
  const clientSecret = sandbox
    ? DEMO_CLIENT.clientSecret
    : (options.clientSecret ??
      (connection.clientSecretEncrypted
        ? decryptSecret(connection.clientSecretEncrypted, secretKey(), { connectionId: connection.id })
        : ""));
  const scope = (connection.settings as { scope?: string }).scope ?? scopeFor(connection);
  const credentials = { tokenUrl: connection.tokenUrl ?? "", clientId: connection.clientId ?? "", clientSecret, scope };
  const tokens = options.tokens ?? new ClientCredentialsTokens(credentials, fetchVia ?? ((r) => fetch(r)));
  const common = {
    credentials,
    tokens,
    fetch: fetchVia,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    meter: usageMeter(db, connection.id),
    ...(sandbox
      ? { catalog: STATIC_CATALOGS[connection.system] }
      : options.catalog
        ? { catalog: options.catalog }
        : {}),
  };
  if (connection.system === "erp") {
    const companyId = String((connection.settings as { companyId?: string }).companyId ?? "");
    return {
      connector: new BusinessCentralConnector({ apiUrl: connection.baseUrl, companyId, ...common }),
      catalog: sandbox ? STATIC_CATALOGS.erp : null,
      tokens,
    };
  }
  return {
    connector: new DataverseConnector({ serviceUrl: connection.baseUrl, ...common }),
    catalog: sandbox ? STATIC_CATALOGS.crm : null,
    tokens,
  };
}

/** Connectors for the configured connections (one sandbox runtime shared by both sandbox sides). */
export async function buildConnectors(
  db: Database,
  rows: Record<Side, Connection | null>,
  options: BuildOptions = {},
): Promise<BuiltConnectors> {
  let runtime: SandboxRuntime | undefined;
  const shared = () => (runtime ??= new SandboxRuntime({ db }));
  const build = (side: Side): Built => {
    const connection = rows[side];
    if (!connection)
      throw new AppError(
        "CONFIGURATION",
        `No ${side === "erp" ? "Business Central" : "Dataverse"} connection is configured.`,
      );
    if (side === "erp" && !(connection.settings as { companyId?: string }).companyId)
      throw new AppError(
        "CONFIGURATION",
        "The Business Central connection has no company: pick one on the Connections page.",
      );
    return connectorFor(db, connection, { ...options, runtime: shared });
  };
  // A real tenant describes itself once, and its connector then works from that catalog (the sandboxes' catalogs
  // are the static ones they are built from).
  const described = async (side: Side): Promise<{ connector: Connector; catalog: SchemaCatalog }> => {
    const built = build(side);
    if (built.catalog) return { connector: built.connector, catalog: built.catalog };
    const catalog = await built.connector.describe(options.entities?.[side]);
    const rebuilt = connectorFor(db, rows[side]!, { ...options, catalog, tokens: built.tokens });
    return { connector: rebuilt.connector, catalog };
  };
  const erp = await described("erp");
  const crm = await described("crm");
  return {
    connectors: { erp: erp.connector, crm: crm.connector },
    catalogs: { erp: erp.catalog, crm: crm.catalog },
  };
}
