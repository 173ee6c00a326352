import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableDrivers, createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { BC_COMPANY } from "./business-central/bc-service";
import { SandboxRuntime, SANDBOX_PATHS } from "./sandbox-runtime";
import { DEMO_CLIENT } from "./sandbox-settings";
import { serveSandbox, type ServedSandbox } from "./serve-sandbox";

/**
 * Every absolute URL the sandboxes write names the origin the client called — in-process, where the request URL says
 * `localhost` as Next's does while the Host header says what the client dialled, and served over HTTP.
 */
type Call = (system: "crm" | "erp", path: string, init?: RequestInit) => Promise<Response>;
type Transport = { label: string; origin: string; call: Call };

const CRM = SANDBOX_PATHS.crm;
const ERP = `${SANDBOX_PATHS.erp}/v2.0`;
const COMPANY = `companies(${BC_COMPANY.id})`;

describe("sandbox links use the caller's origin", () => {
  let database: TestDatabase;
  let runtime: SandboxRuntime;
  let served: ServedSandbox;
  const tokens: Record<"crm" | "erp", string> = { crm: "", erp: "" };
  const transports: Transport[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(availableDrivers().includes("postgres") ? "postgres" : "pglite");
    runtime = new SandboxRuntime({ db: database.db, settings: { crm: {}, erp: {} } });
    served = await serveSandbox(runtime);
    for (const [system, scope] of [
      ["crm", "https://sandbox-crm/.default"],
      ["erp", "https://api.businesscentral.dynamics.com/.default"],
    ] as const) {
      const response = await runtime.token(
        new Request(`http://localhost${SANDBOX_PATHS.token}/t/oauth2/v2.0/token`, {
          method: "POST",
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: DEMO_CLIENT.clientId,
            client_secret: DEMO_CLIENT.clientSecret,
            scope,
          }),
        }),
      );
      tokens[system] = ((await response.json()) as { access_token: string }).access_token;
    }
    const headers = (system: "crm" | "erp", init: RequestInit, extra: Record<string, string>) => ({
      Authorization: `Bearer ${tokens[system]}`,
      "Content-Type": "application/json",
      ...extra,
      ...((init.headers as Record<string, string>) ?? {}),
    });
    // What a Next route handler receives: request.url normalised to the server's hostname, the client's host in Host.
    const inProcess = (label: string, origin: string, extra: Record<string, string>): Transport => ({
      label,
      origin,
      call: (system, path, init = {}) =>
        runtime.handle(
          system,
          new Request(`http://localhost:3000${path}`, { ...init, headers: headers(system, init, extra) }),
        ),
    });
    // Over loopback HTTP: `dialled` is the origin the request goes to, `origin` the one the links must name.
    const overHttp = (
      label: string,
      dialled: string,
      origin = dialled,
      extra: Record<string, string> = {},
    ): Transport => ({
      label,
      origin,
      call: (system, path, init = {}) => fetch(`${dialled}${path}`, { ...init, headers: headers(system, init, extra) }),
    });
    const localhost = served.origin.replace("127.0.0.1", "localhost");
    transports.push(
      inProcess("in-process, client called 127.0.0.1", "http://127.0.0.1:3100", { Host: "127.0.0.1:3100" }),
      inProcess("in-process, client called localhost", "http://localhost:3100", { Host: "localhost:3100" }),
      inProcess("in-process, behind a proxy", "https://tandem.example.com", {
        Host: "127.0.0.1:3100",
        "X-Forwarded-Host": "tandem.example.com",
        "X-Forwarded-Proto": "https",
      }),
      overHttp("served, client called 127.0.0.1", served.origin),
      overHttp("served, client called localhost", localhost),
      overHttp("served, behind a proxy", served.origin, "https://tandem.example.com", {
        "X-Forwarded-Host": "tandem.example.com",
        "X-Forwarded-Proto": "https",
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    await database?.drop();
  });

  const body = async (response: Response) =>
    (await response.json()) as Record<string, unknown> & { value: Record<string, unknown>[] };

  it("should name the caller's origin in Dataverse's OData-EntityId, context, nextLink and deltaLink", async () => {
    for (const { label, origin, call } of transports) {
      const root = `${origin}${CRM}`;
      for (const name of ["A", "B", "C"]) {
        const created = await call("crm", `${CRM}/accounts`, {
          method: "POST",
          body: JSON.stringify({ name: `${label} ${name}` }),
        });
        expect(created.status, label).toBe(204);
        expect(created.headers.get("OData-EntityId"), label).toMatch(
          new RegExp(`^${escape(root)}/accounts\\([0-9a-f-]{36}\\)$`),
        );
      }
      const paged = await body(
        await call("crm", `${CRM}/accounts?$select=name`, { headers: { Prefer: "odata.maxpagesize=2" } }),
      );
      expect(paged["@odata.context"], label).toBe(`${root}/$metadata#accounts(name)`);
      expect(String(paged["@odata.nextLink"]), label).toMatch(new RegExp(`^${escape(root)}/accounts\\?`));
      const tracked = await body(
        await call("crm", `${CRM}/accounts?$select=name`, { headers: { Prefer: "odata.track-changes" } }),
      );
      expect(String(tracked["@odata.deltaLink"]), label).toMatch(
        new RegExp(`^${escape(root)}/accounts\\?.*\\$deltatoken=`),
      );
      const delta = new URL(String(tracked["@odata.deltaLink"]));
      const changes = await body(await call("crm", `${delta.pathname}${delta.search}`));
      expect(changes["@odata.context"], label).toBe(`${root}/$metadata#accounts(name)/$delta`);
      expect(String(changes["@odata.deltaLink"]), label).toMatch(new RegExp(`^${escape(root)}/accounts\\?`));
    }
  });

  it("should let a client follow Dataverse's nextLink as given when it is served over HTTP", async () => {
    for (const { label, call } of transports.filter(
      (t) => t.label.startsWith("served") && !t.label.includes("proxy"),
    )) {
      const first = await body(
        await call("crm", `${CRM}/accounts?$select=name`, { headers: { Prefer: "odata.maxpagesize=2" } }),
      );
      const next = await fetch(String(first["@odata.nextLink"]), {
        headers: { Authorization: `Bearer ${tokens.crm}`, Prefer: "odata.maxpagesize=2" },
      });
      expect(next.status, label).toBe(200);
      expect((await body(next)).value, label).toHaveLength(2);
    }
  });

  it("should name the caller's origin in Business Central's Location, context and nextLink", async () => {
    for (const { label, origin, call } of transports) {
      const root = `${origin}${ERP}`;
      const companies = await body(await call("erp", `${ERP}/companies`));
      expect(companies["@odata.context"], label).toBe(`${root}/$metadata#companies`);
      for (const name of ["A", "B"]) {
        const created = await call("erp", `${ERP}/${COMPANY}/customers`, {
          method: "POST",
          body: JSON.stringify({ displayName: `${label} ${name}` }),
        });
        expect(created.status, label).toBe(201);
        const location = created.headers.get("Location");
        expect(location, label).toMatch(
          new RegExp(`^${escape(root)}/${escape(COMPANY)}/customers\\([0-9a-f-]{36}\\)$`),
        );
        expect((await body(created))["@odata.context"], label).toBe(`${root}/$metadata#customers/$entity`);
        const read = await call("erp", new URL(location!).pathname);
        expect(read.status, label).toBe(200);
      }
      const paged = await body(
        await call("erp", `${ERP}/${COMPANY}/customers?$select=displayName`, {
          headers: { Prefer: "odata.maxpagesize=1" },
        }),
      );
      expect(paged["@odata.context"], label).toBe(`${root}/$metadata#customers(displayName)`);
      expect(String(paged["@odata.nextLink"]), label).toMatch(
        new RegExp(`^${escape(root)}/${escape(COMPANY)}/customers\\?`),
      );
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
