import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { f } from "@/lib/mapping/model/filter";
import type { ConnectorRecord } from "../connector";
import { recordingSleep, startHarness, type Harness } from "../test/sandbox-harness";

async function readAll(
  connector: ReturnType<Harness["businessCentral"]>,
  request: Parameters<ReturnType<Harness["businessCentral"]>["readChanges"]>[0],
) {
  const records: ConnectorRecord[] = [];
  let pages = 0;
  const generator = connector.readChanges(request);
  for (;;) {
    const { value, done } = await generator.next();
    if (done) return { records, pages, cursor: value };
    pages++;
    records.push(...value.records);
  }
}

describe("Business Central connector against the ERP sandbox", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
    await h.runtime.stores.erp.insertMany(
      "customers",
      Array.from({ length: 1200 }, (_, i) => ({
        id: crypto.randomUUID(),
        data: { number: `C${String(i).padStart(5, "0")}`, displayName: `Paged ${i}`, blocked: "_x0020_" },
        modifiedAt: at(i),
        createdAt: at(i),
      })),
    );
  });
  afterAll(() => h.close());

  it("should read every record once across many pages when the page size is small", async () => {
    const before = h.served.requests();
    const { records, pages } = await readAll(h.businessCentral(), {
      entity: "customers",
      pageSize: 100,
      filter: f.startsWith("displayName", "Paged "),
      select: ["displayName"],
    });
    expect(records).toHaveLength(1200);
    expect(new Set(records.map((r) => r.id)).size).toBe(1200);
    expect(pages).toBe(12);
    expect(h.served.requests() - before).toBe(13);
  });

  it("should read only what changed at or after the watermark, and move the watermark to the newest change", async () => {
    const { records, cursor } = await readAll(h.businessCentral(), {
      entity: "customers",
      since: { watermark: "2026-01-01T00:19:00Z" },
      filter: f.startsWith("displayName", "Paged "),
    });
    expect(records.map((r) => r.values.displayName)).toHaveLength(1200 - 1140);
    expect(cursor.watermark).toBe("2026-01-01T00:19:59.000Z");
  });

  const hostile = ["O'Brien & Co #1", "100% off' or 1 eq 1 or displayName eq '", "50%_[off]", "é ü 漢字 🚀"];
  it.each(hostile)("should find exactly the record named %j when filtering by that name", async (name) => {
    const connector = h.businessCentral();
    const [created] = await connector.write("customers", [{ kind: "create", values: { displayName: name } }]);
    expect(created).toMatchObject({ ok: true });
    const { records } = await readAll(connector, {
      entity: "customers",
      filter: f.eq("displayName", name),
      select: ["displayName"],
    });
    expect(records.map((r) => r.values.displayName)).toEqual([name]);
    const start = Array.from(name).slice(0, 6).join("");
    const contains = await readAll(connector, {
      entity: "customers",
      filter: f.contains("displayName", start),
      select: ["displayName"],
    });
    expect(contains.records.map((r) => r.values.displayName)).toContain(name);
  });

  it("should split writes into JSON batches of at most 100 operations", async () => {
    const connector = h.businessCentral();
    const before = h.served.requests();
    const results = await connector.write(
      "items",
      Array.from({ length: 250 }, (_, i) => ({
        kind: "create" as const,
        ref: String(i),
        values: { displayName: `Item ${i}`, unitPrice: i },
      })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.ref)).toEqual(Array.from({ length: 250 }, (_, i) => String(i)));
    expect(h.served.requests() - before).toBe(3 + 1);
    const first = results[0]!;
    expect(first.ok && first.modifiedOn).toMatch(/\.\d{3}Z$/);
  });

  it("should surface a stale ETag as PRECONDITION_FAILED", async () => {
    const connector = h.businessCentral();
    const [created] = await connector.write("customers", [{ kind: "create", values: { displayName: "Versioned" } }]);
    if (!created?.ok) throw new Error("create failed");
    expect(
      (
        await connector.write("customers", [
          { kind: "update", id: created.id, etag: created.etag, values: { displayName: "V2" } },
        ])
      )[0],
    ).toMatchObject({ ok: true });
    expect(
      (
        await connector.write("customers", [
          { kind: "update", id: created.id, etag: created.etag, values: { displayName: "V3" } },
        ])
      )[0],
    ).toMatchObject({ ok: false, error: { code: "PRECONDITION_FAILED", status: 412 } });
  });

  it("should find deleted records by comparing keys", async () => {
    const connector = h.businessCentral();
    const ids = (
      await connector.write(
        "customers",
        ["K1", "K2", "K3"].map((name) => ({ kind: "create" as const, values: { displayName: name } })),
      )
    ).map((r) => (r.ok ? r.id : ""));
    await connector.write("customers", [{ kind: "delete", id: ids[1] }]);
    expect(await connector.findMissing("customers", ids)).toEqual([ids[1]]);
  });

  it("should create a record when an upsert finds nothing to update", async () => {
    const connector = h.businessCentral();
    const [result] = await connector.write("customers", [
      { kind: "upsert", id: crypto.randomUUID(), values: { displayName: "Upserted" } },
    ]);
    expect(result).toMatchObject({ ok: true });
    expect((await connector.readByIds("customers", [result?.ok ? result.id : ""]))[0]?.values.displayName).toBe(
      "Upserted",
    );
  });

  it("should read blanks as null: the empty GUID and 0001-01-01 mean no value", async () => {
    const connector = h.businessCentral();
    const [created] = await connector.write("customers", [{ kind: "create", values: { displayName: "Blank" } }]);
    const [read] = await connector.readByIds("customers", [created?.ok ? created.id : ""]);
    expect(read?.values.currencyId).toBeNull();
    expect(read?.values.displayName).toBe("Blank");
  });

  it("should keep at most five requests in flight and survive a 429 storm, honouring Retry-After", async () => {
    const storm = await startHarness({
      erp: {
        faults: { throttleRate: 0.4, retryAfterSeconds: 2, latencyMs: 20, seed: 3 },
        concurrency: { max: 5, queueTimeoutMs: 50 },
      },
    });
    try {
      const { sleep, waits } = recordingSleep();
      const connector = storm.businessCentral({ sleep, retry: { maxAttempts: 20 } });
      const counts = await Promise.all(Array.from({ length: 20 }, () => connector.count("customers")));
      expect(counts).toEqual(Array(20).fill(0));
      expect(connector.client.stats.throttled).toBeGreaterThan(3);
      expect(waits.every((ms) => ms === 2000)).toBe(true);
    } finally {
      await storm.close();
    }
  });

  it("should describe both APIs from their $metadata, enums and lookups included", async () => {
    const catalog = await h.businessCentral({ catalog: undefined }).describe();
    const customers = catalog.entities.find((e) => e.name === "customers")!;
    expect(customers).toMatchObject({ key: "id", modifiedOn: "lastModifiedDateTime", api: "v2.0" });
    expect(customers.fields.find((x) => x.name === "displayName")).toMatchObject({ type: "string", maxLength: 100 });
    expect(customers.fields.find((x) => x.name === "blocked")?.options).toContainEqual({
      value: "_x0020_",
      label: " ",
    });
    expect(customers.fields.find((x) => x.name === "currencyId")).toMatchObject({
      type: "lookup",
      lookupTargets: ["currencies"],
    });
    expect(catalog.entities.find((e) => e.name === "resources")).toMatchObject({ api: "tandem/integration/v1.0" });
  });
});
