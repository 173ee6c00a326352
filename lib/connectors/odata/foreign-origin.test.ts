import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { DataverseConnector } from "../dataverse/dataverse-connector";
import { startHarness, type Harness } from "../test/sandbox-harness";
import { ODataClient } from "./odata-client";
import { followPages } from "./paging";
import type { TokenProvider } from "./token-provider";

type Seen = { path: string; authorization: string | null };
type Server = { origin: string; port: number; seen: Seen[]; close: () => Promise<void> };
type Answer = { status?: number; headers?: Record<string, string>; body?: unknown };

/** A real HTTP server that records what reached it (and with which Authorization) and answers what `route` says. */
async function serve(route: (path: string) => Answer = () => ({ body: { value: [] } })): Promise<Server> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    seen.push({ path, authorization: request.headers.authorization ?? null });
    const answer = route(path);
    response.writeHead(answer.status ?? 200, { "Content-Type": "application/json", ...answer.headers });
    response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const TOKEN = "connection-bearer-token";
const tokens: TokenProvider = { token: async () => TOKEN, invalidate: () => undefined };

async function readPages(client: ODataClient, url: string) {
  const pages = followPages(client, url, {});
  const values: unknown[] = [];
  for (;;) {
    const { value, done } = await pages.next();
    values.push(...(value.value ?? []));
    if (done) return values;
  }
}

describe("the OData client keeps its bearer token on the connection's origin", () => {
  let evil: Server;
  let service: Server;
  let nextLink = "";
  beforeAll(async () => {
    evil = await serve();
    service = await serve((path) => {
      if (path === "/svc/accounts") return { body: { value: [{ n: 1 }], "@odata.nextLink": nextLink } };
      if (path.startsWith("/svc/accounts?page=2")) return { body: { value: [{ n: 2 }] } };
      if (path === "/svc/moved-away") return { status: 307, headers: { Location: `${evil.origin}/steal` } };
      if (path === "/svc/moved-here") return { status: 308, headers: { Location: "/svc/accounts?page=2" } };
      return { status: 404, body: { error: { code: "NotFound", message: "no" } } };
    });
  });
  afterAll(async () => {
    await evil?.close();
    await service?.close();
  });
  const client = () => new ODataClient({ baseUrl: `${service.origin}/svc`, tokens });
  const reset = () => {
    evil.seen.length = 0;
    service.seen.length = 0;
  };

  it.each<[string, (s: Server, e: Server) => string]>([
    ["another port", (_s, e) => `${e.origin}/svc/accounts?page=2`],
    ["another host name", (s) => `http://localhost:${s.port}/svc/accounts?page=2`],
    ["another scheme", (s) => `https://127.0.0.1:${s.port}/svc/accounts?page=2`],
    ["a protocol-relative link", (_s, e) => `//127.0.0.1:${e.port}/svc/accounts?page=2`],
    ["user info in front of the host", (_s, e) => `http://127.0.0.1:${e.port}@127.0.0.1:${e.port}/x`],
  ])("should refuse a nextLink to %s with FOREIGN_ORIGIN when it leaves the origin", async (_label, link) => {
    reset();
    nextLink = link(service, evil);
    await expect(readPages(client(), "accounts")).rejects.toMatchObject({
      name: "ConnectorError",
      code: "FOREIGN_ORIGIN",
    });
    expect(evil.seen).toEqual([]);
    expect(service.seen.map((s) => s.path)).toEqual(["/svc/accounts"]);
  });

  it.each<[string, (s: Server) => string]>([
    ["relative", () => "accounts?page=2"],
    ["absolute on the same origin", (s) => `${s.origin}/svc/accounts?page=2`],
  ])("should follow a %s nextLink with the token when it stays on the origin", async (_label, link) => {
    reset();
    nextLink = link(service);
    expect(await readPages(client(), "accounts")).toEqual([{ n: 1 }, { n: 2 }]);
    expect(service.seen.map((s) => s.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it("should refuse a redirect to another origin with FOREIGN_ORIGIN when the service answers one", async () => {
    reset();
    await expect(client().json("moved-away")).rejects.toMatchObject({ code: "FOREIGN_ORIGIN" });
    expect(evil.seen).toEqual([]);
  });

  it("should follow a redirect with the token when it stays on the origin", async () => {
    reset();
    expect(await client().json("moved-here")).toEqual({ value: [{ n: 2 }] });
    expect(service.seen.map((s) => [s.path, s.authorization])).toEqual([
      ["/svc/moved-here", `Bearer ${TOKEN}`],
      ["/svc/accounts?page=2", `Bearer ${TOKEN}`],
    ]);
  });

  it("should refuse an absolute request URL on another origin before sending anything", async () => {
    reset();
    await expect(client().send(`${evil.origin}/svc/accounts`)).rejects.toMatchObject({ code: "FOREIGN_ORIGIN" });
    expect(evil.seen).toEqual([]);
  });
});

describe("the Dataverse connector keeps delta links on the connection's origin", () => {
  let evil: Server;
  let h: Harness;
  beforeAll(async () => {
    evil = await serve();
    h = await startHarness();
  });
  afterAll(async () => {
    await evil?.close();
    await h?.close();
  });

  const drain = async (connector: DataverseConnector, deltaToken?: string) => {
    const pages = connector.readChanges({ entity: "contacts", mode: "track-changes", since: { deltaToken } });
    for (;;) if ((await pages.next()).done) return;
  };

  it("should refuse a stored deltaLink with FOREIGN_ORIGIN when it points at another origin", async () => {
    const stored = `${evil.origin}/sandbox/crm/api/data/v9.2/contacts?$deltatoken=1`;
    await expect(drain(h.dataverse(), stored)).rejects.toMatchObject({ code: "FOREIGN_ORIGIN" });
    expect(evil.seen).toEqual([]);
  });

  it("should refuse a deltaLink the service answers with FOREIGN_ORIGIN when it points at another origin", async () => {
    const service = await serve(() => ({
      body: { value: [], "@odata.deltaLink": `${evil.origin}/api/data/v9.2/contacts?$deltatoken=2` },
    }));
    try {
      const connector = new DataverseConnector({
        serviceUrl: `${service.origin}/api/data/v9.2`,
        tokens,
        catalog: STATIC_CATALOGS.crm,
      });
      await expect(drain(connector)).rejects.toMatchObject({ code: "FOREIGN_ORIGIN" });
      expect(service.seen).toHaveLength(1);
      expect(evil.seen).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
