import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";

const json = async (response: Response) =>
  (await response.json()) as Record<string, unknown> & {
    value: Record<string, unknown>[];
    error: { code: string; message: string };
  };

describe("Business Central sandbox on its own", () => {
  let s: RawSandbox;
  beforeAll(async () => {
    s = await rawSandbox();
  });
  afterAll(() => s.close());

  it("should refuse PATCH without If-Match with 428", async () => {
    const created = await json(
      await s.erp("customers", { method: "POST", body: JSON.stringify({ displayName: "No If-Match" }) }),
    );
    const response = await s.erp(`customers(${String(created.id)})`, {
      method: "PATCH",
      body: JSON.stringify({ displayName: "changed" }),
    });
    expect(response.status).toBe(428);
    expect((await json(await s.erp(`customers(${String(created.id)})`))).displayName).toBe("No If-Match");
  });

  it.each([
    [
      "an or across two fields",
      "customers?$filter=displayName eq 'a' or number eq 'b'",
      "The 'OR' operator is not supported on distinct fields.",
    ],
    ["an unknown property", "customers?$filter=nope eq 'a'", "Could not find a property named 'nope'"],
    ["a number compared with text", "customers?$filter=creditLimit eq 'high'", "incompatible types"],
  ])("should refuse %s with a 400", async (_label, path, message) => {
    const response = await s.erp(path);
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toContain(message);
  });

  it("should answer 413 to a page size over 20,000", async () => {
    expect((await s.erp("customers", { headers: { Prefer: "odata.maxpagesize=20001" } })).status).toBe(413);
  });

  it("should fill an id's companion code, and a code's id, like the API pages", async () => {
    const currency = await json(
      await s.erp("currencies", { method: "POST", body: JSON.stringify({ code: "EUR", displayName: "Euro" }) }),
    );
    const byId = await json(
      await s.erp("customers", {
        method: "POST",
        body: JSON.stringify({ displayName: "By id", currencyId: currency.id }),
      }),
    );
    expect(byId.currencyCode).toBe("EUR");
    const byCode = await json(
      await s.erp("customers", {
        method: "POST",
        body: JSON.stringify({ displayName: "By code", currencyCode: "eur" }),
      }),
    );
    expect(byCode.currencyId).toBe(currency.id);
  });

  it("should number new records from a series and never send nulls", async () => {
    const created = await json(
      await s.erp("items", { method: "POST", body: JSON.stringify({ displayName: "Numbered" }) }),
    );
    expect(created.number).toMatch(/^\d+$/);
    expect(created.unitPrice).toBe(0);
    expect(created.baseUnitOfMeasureId).toBe("00000000-0000-0000-0000-000000000000");
    expect(created.blocked).toBe(false);
  });

  it("should refuse writing a read-only field and an enum member that does not exist", async () => {
    expect(
      (await json(await s.erp("items", { method: "POST", body: JSON.stringify({ inventory: 5 }) }))).error.message,
    ).toContain("read-only");
    expect(
      (await json(await s.erp("customers", { method: "POST", body: JSON.stringify({ blocked: "Sometimes" }) }))).error
        .message,
    ).toContain("not a valid member");
  });

  it("should list a document's lines under the document and fill their document reference", async () => {
    const order = await json(
      await s.erp("salesOrders", { method: "POST", body: JSON.stringify({ externalDocumentNumber: "EXT-1" }) }),
    );
    await s.erp(`salesOrders(${String(order.id)})/salesOrderLines`, {
      method: "POST",
      body: JSON.stringify({ description: "Line 1", quantity: 2 }),
    });
    const lines = await json(await s.erp(`salesOrders(${String(order.id)})/salesOrderLines`));
    expect(lines.value).toEqual([
      expect.objectContaining({ description: "Line 1", quantity: 2, documentId: order.id }),
    ]);
  });

  it("should run a JSON batch, refuse more than 100 operations, and roll back a snapshot batch that fails", async () => {
    const requests = (n: number, bad = -1) =>
      Array.from({ length: n }, (_, i) => ({
        id: String(i),
        method: "POST",
        url: `companies(${"x"})/customers`.replace("(x)", ""),
        body: { displayName: `B${i}`, ...(i === bad ? { blocked: "Never" } : {}) },
      }));
    const root = (await json(await s.erpRoot("v2.0/companies"))).value[0]!.id as string;
    const withCompany = (list: ReturnType<typeof requests>) =>
      list.map((r) => ({ ...r, url: `companies(${root})/customers` }));
    expect(
      (
        await s.erpRoot("v2.0/$batch", {
          method: "POST",
          body: JSON.stringify({ requests: withCompany(requests(101)) }),
        })
      ).status,
    ).toBe(400);
    const ok = await json(
      await s.erpRoot("v2.0/$batch", { method: "POST", body: JSON.stringify({ requests: withCompany(requests(3)) }) }),
    );
    expect((ok.responses as { status: number }[]).map((r) => r.status)).toEqual([201, 201, 201]);
    const before = Number(await (await s.erp("customers/$count")).text());
    const failed = await json(
      await s.erpRoot("v2.0/$batch", {
        method: "POST",
        headers: { Isolation: "snapshot" },
        body: JSON.stringify({ requests: withCompany(requests(3, 2)) }),
      }),
    );
    expect((failed.responses as { status: number }[]).map((r) => r.status)).toEqual([201, 201, 400]);
    expect(Number(await (await s.erp("customers/$count")).text())).toBe(before);
  });

  it("should queue a sixth concurrent request and answer 503 when the queue times out", async () => {
    const slow = await rawSandbox({ erp: { faults: { latencyMs: 0 }, concurrency: { max: 5, queueTimeoutMs: 30 } } });
    try {
      const gate = slow.runtime as unknown as {
        gate: { acquire: (key: string, max: number, timeout: number) => Promise<(() => void) | null> };
      };
      const releases = await Promise.all(
        Array.from({ length: 5 }, () => gate.gate.acquire("erp:tandem-sandbox-client", 5, 30)),
      );
      expect((await slow.erp("customers")).status).toBe(503);
      releases.forEach((release) => release?.());
      expect((await slow.erp("customers")).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it("should throttle over the sliding window with 429 and a Retry-After", async () => {
    const tight = await rawSandbox({ erp: { throttle: { requests: 3, windowSeconds: 60 } } });
    try {
      for (let i = 0; i < 3; i++) expect((await tight.erp("customers")).status).toBe(200);
      const refused = await tight.erp("customers");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(50);
    } finally {
      await tight.close();
    }
  });

  it("should inject server errors and timeouts at the configured rates", async () => {
    const waits: number[] = [];
    const faulty = await rawSandbox(
      { erp: { faults: { serverErrorRate: 0.5, timeoutRate: 0.5, timeoutMs: 7000, seed: 5 } } },
      async (ms) => void waits.push(ms),
    );
    try {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => faulty.erp("customers").then((r) => r.status)),
      );
      expect(new Set(statuses)).toEqual(new Set([503, 504]));
      expect(waits.every((ms) => ms === 7000)).toBe(true);
    } finally {
      await faulty.close();
    }
  });
});
