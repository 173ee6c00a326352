import { createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SandboxRuntime, SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT, type SandboxSettingsInput } from "@/lib/sandbox/sandbox-settings";
import { serveSandbox, type BeforeRequest, type ServedSandbox } from "@/lib/sandbox/serve-sandbox";
import { BusinessCentralConnector } from "../business-central/business-central-connector";
import type { Connector } from "../connector";
import type { CommonConnectorOptions } from "../connector-options";
import { DataverseConnector } from "../dataverse/dataverse-connector";
import { ClientCredentialsTokens } from "../odata/token-provider";

export const CRM_SCOPE = "https://sandbox-crm/.default";
export const ERP_SCOPE = "https://api.businesscentral.dynamics.com/.default";

/** Options of a side's connector; `url` replaces the sandbox's service root (an unreachable host, say). */
export type SideConnectorOptions = Partial<CommonConnectorOptions> & { url?: string };

export type Harness = {
  database: TestDatabase;
  runtime: SandboxRuntime;
  served: ServedSandbox;
  crmUrl: string;
  erpUrl: string;
  tokenUrl: string;
  dataverse: (options?: Partial<CommonConnectorOptions>) => DataverseConnector;
  businessCentral: (options?: Partial<CommonConnectorOptions>) => BusinessCentralConnector;
  /** The connector of one side, for code that knows sides and not systems. */
  connector: (side: "erp" | "crm", options?: SideConnectorOptions) => Connector;
  tokens: (scope: string) => ClientCredentialsTokens;
  close: () => Promise<void>;
};

/** Waits recorded, never slept: retry tests check what the client would wait without waiting it. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Both simulators on a fresh database, served over loopback HTTP, and connectors configured as for a real tenant. */
export async function startHarness(
  settings: { crm?: SandboxSettingsInput; erp?: SandboxSettingsInput } = {},
  beforeRequest?: BeforeRequest,
): Promise<Harness> {
  const database = await createTestDatabase("pglite");
  const runtime = new SandboxRuntime({
    db: database.db,
    settings: { crm: settings.crm ?? {}, erp: settings.erp ?? {} },
  });
  const served = await serveSandbox(runtime, 0, beforeRequest);
  const tokenUrl = `${served.origin}${SANDBOX_PATHS.token}/tandem/oauth2/v2.0/token`;
  const credentials = (scope: string) => ({
    tokenUrl,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    scope,
  });
  const crmUrl = `${served.origin}${SANDBOX_PATHS.crm}`;
  const erpUrl = `${served.origin}${SANDBOX_PATHS.erp}`;
  const dataverse = (options: SideConnectorOptions = {}) => {
    const { url, ...rest } = options;
    return new DataverseConnector({
      serviceUrl: url ?? crmUrl,
      credentials: credentials(CRM_SCOPE),
      catalog: STATIC_CATALOGS.crm,
      ...rest,
    });
  };
  const businessCentral = (options: SideConnectorOptions = {}) => {
    const { url, ...rest } = options;
    return new BusinessCentralConnector({
      apiUrl: url ?? erpUrl,
      companyId: BC_COMPANY.id,
      credentials: credentials(ERP_SCOPE),
      catalog: STATIC_CATALOGS.erp,
      ...rest,
    });
  };
  return {
    database,
    runtime,
    served,
    crmUrl,
    erpUrl,
    tokenUrl,
    dataverse,
    businessCentral,
    connector: (side, options) => (side === "crm" ? dataverse(options) : businessCentral(options)),
    tokens: (scope) => new ClientCredentialsTokens(credentials(scope), (request) => fetch(request)),
    close: async () => {
      await served.close();
      await database.drop();
    },
  };
}
