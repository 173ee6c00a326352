import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { availableDrivers } from "@/db/test/test-database";
import { stableUuid } from "../stable-uuid";
import { masked } from "../test/batch-parts";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";
import { BC_COMPANY } from "./bc-service";

const EUR = stableUuid("test:currency:eur");
const ORDER = stableUuid("test:order:1");
const COMPANY = `companies(${BC_COMPANY.id})`;

type BatchRequest = { id: string; method: string; url: string; body?: unknown };
type BatchResponse = {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown> & { error: { code: string; message: string } };
};

async function seeded(driver: Parameters<typeof rawSandbox>[2]): Promise<RawSandbox> {
  const s = await rawSandbox({}, undefined, driver);
  const store = s.runtime.stores.erp;
  await store.insertMany("currencies", [{ id: EUR, data: { code: "EUR", displayName: "Euro" } }]);
  await store.insertMany("unitsOfMeasure", [
    { id: stableUuid("test:uom:pcs"), data: { code: "PCS", displayName: "Pieces" } },
  ]);
  await store.insertMany("customers", [
    { id: stableUuid("test:customer:existing"), data: { number: "10000", displayName: "Existing" } },
  ]);
  await store.insertMany("salesOrders", [{ id: ORDER, data: { number: "S-1" } }]);
  return s;
}

async function batch(s: RawSandbox, requests: BatchRequest[], snapshot = false): Promise<BatchResponse[]> {
  const response = await s.erpRoot("v2.0/$batch", {
    method: "POST",
    headers: snapshot ? { Isolation: "snapshot" } : {},
    body: JSON.stringify({ requests }),
  });
  return ((await response.json()) as { responses: BatchResponse[] }).responses;
}

const posts = (url: string, bodies: unknown[]): BatchRequest[] =>
  bodies.map((body, i) => ({ id: String(i + 1), method: "POST", url: `${COMPANY}/${url}`, body }));
/** The same requests with a GET after each, so every POST stands alone and takes the single-request path. */
const alone = async (s: RawSandbox, requests: BatchRequest[], snapshot = false) => {
  const spread = requests.flatMap((r, i) => [r, { id: `get${i}`, method: "GET", url: `${COMPANY}/currencies?$top=1` }]);
  return (await batch(s, spread, snapshot)).filter((r) => !r.id.startsWith("get"));
};

const CUSTOMERS = posts("customers", [
  { displayName: "B1", currencyCode: "eur" },
  { displayName: "B2", currencyId: EUR },
  { displayName: "B3", balanceDue: 5 },
  { displayName: "B4", currencyId: stableUuid("test:currency:missing") },
  { displayName: "B5", currencyCode: "XYZ" },
  { displayName: "B6", number: "90000" },
  { displayName: "B7" },
  { displayName: "B8", currencyCode: "" },
  { displayName: "B9", nope: 1 },
  { displayName: "B10", number: "C-1" },
  { displayName: "B11" },
]);

for (const driver of availableDrivers()) {
  describe(`Business Central bulk creates in $batch [${driver}]`, () => {
    let bulk: RawSandbox;
    let single: RawSandbox;
    beforeAll(async () => {
      [bulk, single] = await Promise.all([seeded(driver), seeded(driver)]);
    });
    afterAll(async () => {
      await Promise.all([bulk?.close(), single?.close()]);
    });

    it("should answer every request as one of its own would when creates are in bulk", async () => {
      const writes = vi.spyOn(bulk.runtime.stores.erp, "writeMany");
      const gets = vi.spyOn(bulk.runtime.stores.erp, "get");
      const inBulk = await batch(bulk, CUSTOMERS);
      // One write for the customers; the company contacts BC adds for new customers come in a second one.
      expect(writes.mock.calls.filter(([entries]) => entries[0]?.entity === "customers")).toHaveLength(1);
      expect(gets).not.toHaveBeenCalled();
      expect(inBulk.map((r) => r.status)).toEqual([201, 201, 400, 400, 400, 201, 201, 201, 400, 201, 201]);
      expect(inBulk.map((r) => r.body?.number ?? null)).toEqual(
        ["10010", "10020", null, null, null, "90000", "90010", "90020", null, "C-1", "90030"].map((n, i) =>
          inBulk[i]!.status === 201 ? n : null,
        ),
      );
      expect(inBulk[0]!.body).toMatchObject({ currencyId: EUR, currencyCode: "EUR" });
      expect(inBulk[1]!.body).toMatchObject({ currencyId: EUR, currencyCode: "EUR" });
      expect(inBulk[3]!.body!.error.message).toContain("does not exist");
      expect(inBulk[4]!.body!.error.message).toContain("'XYZ' does not exist");
      expect(masked(inBulk)).toBe(masked(await alone(single, CUSTOMERS)));
    });

    it("should store the same records when creates are in bulk", async () => {
      const read = async (s: RawSandbox) =>
        (await s.runtime.stores.erp.changesSince("customers", 0)).upserted.map((r) => ({
          headers: {},
          body: { ...r, version: 0 },
        }));
      expect(masked(await read(bulk))).toBe(masked(await read(single)));
    });

    it("should create a document's lines in bulk and answer 404 for each line of a missing document", async () => {
      const lines = posts(`salesOrders(${ORDER})/salesOrderLines`, [
        { description: "L1", quantity: 2, unitOfMeasureCode: "pcs" },
        { description: "L2", unitOfMeasureCode: "BOX" },
        { description: "L3" },
      ]);
      const orphans = posts(`salesOrders(${stableUuid("test:order:missing")})/salesOrderLines`, [
        { description: "O1" },
        { description: "O2" },
      ]);
      const inBulk = await batch(bulk, [...lines, ...orphans]);
      expect(inBulk.map((r) => r.status)).toEqual([201, 400, 201, 404, 404]);
      expect(inBulk[0]!.body).toMatchObject({ documentId: ORDER, unitOfMeasureCode: "PCS" });
      expect(masked(inBulk)).toBe(masked(await alone(single, [...lines, ...orphans])));
    });

    it("should give every new customer a company contact, as BC's marketing setup does", async () => {
      const contacts = await bulk.runtime.stores.erp.query({ entity: "contacts", limit: 100 });
      const names = contacts.filter((c) => c.data.type === "Company").map((c) => c.data.displayName);
      expect(names).toEqual(expect.arrayContaining(["B1", "B2", "B7", "B11"]));
      const b1 = contacts.find((c) => c.data.displayName === "B1")!;
      expect(b1.data).toMatchObject({
        companyNumber: b1.data.number,
        companyName: "B1",
        contactBusinessRelation: "Customer",
      });
    });

    it("should stop at the first failure and keep nothing when the batch is a snapshot", async () => {
      const requests = posts("customers", [
        { displayName: "S1" },
        { displayName: "S2", blocked: "Never" },
        { displayName: "S3" },
      ]);
      const before = await bulk.runtime.stores.erp.count("customers");
      const inBulk = await batch(bulk, requests, true);
      expect(inBulk.map((r) => r.status)).toEqual([201, 400]);
      expect(await bulk.runtime.stores.erp.count("customers")).toBe(before);
      expect(masked(inBulk)).toBe(masked(await alone(single, requests, true)));
    });
  });
}
