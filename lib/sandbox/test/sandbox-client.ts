import type { DbDriver } from "@/db/drivers/resolve-driver";
import { createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { BC_COMPANY } from "../business-central/bc-service";
import { SandboxRuntime, SANDBOX_PATHS } from "../sandbox-runtime";
import type { SandboxSettingsInput } from "../sandbox-settings";
import { routeSandbox } from "../serve-sandbox";
import { CRM_SCOPE, demoTokenForm, ERP_SCOPE } from "./demo-token-form";

export type RawSandbox = {
  database: TestDatabase;
  runtime: SandboxRuntime;
  crm: (path: string, init?: RequestInit) => Promise<Response>;
  erp: (path: string, init?: RequestInit) => Promise<Response>;
  erpRoot: (path: string, init?: RequestInit) => Promise<Response>;
  token: (scope: string) => Promise<string>;
  close: () => Promise<void>;
};

const ORIGIN = "http://sandbox.test";

/** The simulators in-process, with raw requests as a real client would send them (bearer token included). */
export async function rawSandbox(
  settings: { crm?: SandboxSettingsInput; erp?: SandboxSettingsInput } = {},
  sleep?: (ms: number) => Promise<void>,
  driver: DbDriver = "pglite",
): Promise<RawSandbox> {
  const database = await createTestDatabase(driver);
  const runtime = new SandboxRuntime({
    db: database.db,
    settings: { crm: settings.crm ?? {}, erp: settings.erp ?? {} },
    sleep,
  });
  const token = async (scope: string) => {
    const response = await routeSandbox(
      runtime,
      new Request(`${ORIGIN}${SANDBOX_PATHS.token}/t/oauth2/v2.0/token`, {
        method: "POST",
        body: demoTokenForm(scope),
      }),
    );
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const tokens = {
    crm: await token(CRM_SCOPE),
    erp: await token(ERP_SCOPE),
  };
  const call = (system: "crm" | "erp", url: string, init: RequestInit = {}) =>
    routeSandbox(
      runtime,
      new Request(url, {
        ...init,
        headers: {
          Authorization: `Bearer ${tokens[system]}`,
          "Content-Type": "application/json",
          ...(init.headers ?? {}),
        },
      }),
    );
  return {
    database,
    runtime,
    crm: (path, init) => call("crm", `${ORIGIN}${SANDBOX_PATHS.crm}/${path}`, init),
    erp: (path, init) => call("erp", `${ORIGIN}${SANDBOX_PATHS.erp}/v2.0/companies(${BC_COMPANY.id})/${path}`, init),
    erpRoot: (path, init) => call("erp", `${ORIGIN}${SANDBOX_PATHS.erp}/${path}`, init),
    token,
    close: () => database.drop(),
  };
}
