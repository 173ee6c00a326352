import { availableDrivers, createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { SandboxRuntime, SANDBOX_PATHS, type SandboxRuntimeOptions } from "../sandbox-runtime";
import { serveSandbox, type ServedSandbox } from "../serve-sandbox";
import { demoTokenForm } from "./demo-token-form";

export { CRM_SCOPE, ERP_SCOPE } from "./demo-token-form";

export type Served = {
  database: TestDatabase;
  runtime: SandboxRuntime;
  served: ServedSandbox;
  tokenUrl: string;
  crmUrl: string;
  erpUrl: string;
  /** A bearer token for one sandbox, asked for over HTTP with the demo client. */
  token: (scope: string) => Promise<string>;
  close: () => Promise<void>;
};

/** Both simulators over an empty database (Postgres when the run has one), served on a loopback port. */
export async function servedSandbox(options: Omit<SandboxRuntimeOptions, "db"> = {}): Promise<Served> {
  const database = await createTestDatabase(availableDrivers().includes("postgres") ? "postgres" : "pglite");
  const runtime = new SandboxRuntime({ settings: { crm: {}, erp: {} }, ...options, db: database.db });
  const served = await serveSandbox(runtime);
  const tokenUrl = `${served.origin}${SANDBOX_PATHS.token}/tandem/oauth2/v2.0/token`;
  return {
    database,
    runtime,
    served,
    tokenUrl,
    crmUrl: `${served.origin}${SANDBOX_PATHS.crm}`,
    erpUrl: `${served.origin}${SANDBOX_PATHS.erp}/v2.0`,
    token: async (scope) => {
      const response = await fetch(tokenUrl, {
        method: "POST",
        body: demoTokenForm(scope),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    },
    close: async () => {
      await served.close();
      await database.drop();
    },
  };
}
