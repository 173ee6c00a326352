import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { availableDrivers } from "@/db/test/test-database";
import type { HttpMessage } from "@/lib/connectors/odata/multipart";
import { stableUuid } from "../stable-uuid";
import { crmBatch, masked, oneByOne, type Part } from "../test/batch-parts";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";

const CURRENCY = stableUuid("test:currency:eur");
const EXISTING = stableUuid("test:account:existing");
const FIRST = stableUuid("test:account:first");
const FULL = "return=representation";
const posts = (answers: HttpMessage[]) => answers.filter((a) => !a.contentId?.startsWith("get"));
const body = (answer: HttpMessage) =>
  JSON.parse(answer.body) as Record<string, unknown> & { error: { code: string; message: string } };

async function seeded(driver: Parameters<typeof rawSandbox>[2]): Promise<RawSandbox> {
  const s = await rawSandbox({}, undefined, driver);
  await s.runtime.stores.crm.insertMany("transactioncurrencies", [
    {
      id: CURRENCY,
      data: {
        isocurrencycode: "EUR",
        currencyname: "Euro",
        currencysymbol: "€",
        exchangerate: 1,
        currencyprecision: 2,
      },
    },
  ]);
  await s.runtime.stores.crm.insertMany("accounts", [
    { id: EXISTING, data: { name: "Existing", statecode: 0, statuscode: 1 } },
  ]);
  return s;
}

const create = (n: number, record: unknown, prefer = FULL, url = "accounts"): Part => ({
  method: "POST",
  url,
  body: record,
  prefer,
  contentId: String(n),
});

const MIXED: Part[] = [
  create(1, {
    accountid: FIRST,
    name: "Bulk 1",
    customertypecode: 3,
    "transactioncurrencyid@odata.bind": `/transactioncurrencies(${CURRENCY})`,
  }),
  create(2, { name: "Bulk 2", address1_city: "Oslo" }),
  create(3, { accountid: EXISTING, name: "Taken id" }),
  create(4, { name: "Unknown field", nope: 1 }),
  create(5, {
    name: "Missing contact",
    "primarycontactid@odata.bind": `/contacts(${stableUuid("test:contact:missing")})`,
  }),
  create(6, { accountid: FIRST, name: "Taken in this batch" }),
  create(7, { name: "Child", "parentaccountid@odata.bind": `/accounts(${FIRST})` }),
  create(8, { name: "No representation" }, ""),
  create(9, "{not json"),
  create(10, { name: "Annotated", customertypecode: 11 }, `${FULL},odata.include-annotations="*"`),
  create(11, { name: "Selected", statecode: 1 }, FULL, "accounts?$select=name,statecode,statuscode"),
];

for (const driver of availableDrivers()) {
  describe(`Dataverse bulk creates in $batch [${driver}]`, () => {
    let bulk: RawSandbox;
    let single: RawSandbox;
    beforeAll(async () => {
      [bulk, single] = await Promise.all([seeded(driver), seeded(driver)]);
    });
    afterAll(async () => {
      await Promise.all([bulk?.close(), single?.close()]);
    });

    it("should answer every part as a request of its own would when creates are in bulk", async () => {
      const writes = vi.spyOn(bulk.runtime.stores.crm, "writeMany");
      const gets = vi.spyOn(bulk.runtime.stores.crm, "get");
      const inBulk = await crmBatch(bulk, MIXED);
      expect(writes).toHaveBeenCalledTimes(1);
      expect(gets).not.toHaveBeenCalled();
      const alone = posts(await crmBatch(single, oneByOne(MIXED, "accounts?$top=1&$select=name")));
      expect(inBulk.map((a) => a.status)).toEqual([201, 201, 412, 400, 404, 412, 201, 204, 400, 201, 201]);
      expect(body(inBulk[2]!).error).toEqual({
        code: "0x80040237",
        message: "A record with matching key values already exists.",
      });
      expect(body(inBulk[3]!).error.message).toContain("Could not find a property named 'nope'");
      expect(body(inBulk[4]!).error.message).toContain("Does Not Exist");
      expect(body(inBulk[6]!)._parentaccountid_value).toBe(FIRST);
      expect(inBulk[7]!.headers["odata-entityid"]).toMatch(/\/accounts\([0-9a-f-]{36}\)$/);
      expect(masked(inBulk)).toBe(masked(alone));
    });

    it("should store the same records with versions in part order when creates are in bulk", async () => {
      const read = async (s: RawSandbox) => (await s.runtime.stores.crm.changesSince("accounts", 0)).upserted;
      const [inBulk, alone] = await Promise.all([read(bulk), read(single)]);
      expect(masked(inBulk.map((r) => ({ headers: {}, body: { ...r, version: 0 } })))).toBe(
        masked(alone.map((r) => ({ headers: {}, body: { ...r, version: 0 } }))),
      );
      const created = inBulk.filter((r) => r.id !== EXISTING);
      expect(created.map((r) => r.data.name)).toEqual([
        "Bulk 1",
        "Bulk 2",
        "Child",
        "No representation",
        "Annotated",
        "Selected",
      ]);
      expect(created.map((r) => r.version)).toEqual([...created.map((r) => r.version)].sort((a, b) => a - b));
    });

    it("should stop at the first failure and create nothing after it when continue-on-error is not set", async () => {
      const parts = [
        create(1, { name: "Stop 1" }),
        create(2, { name: "Stop 2", nope: true }),
        create(3, { name: "Stop 3" }),
      ];
      const inBulk = await crmBatch(bulk, parts, "");
      const alone = posts(await crmBatch(single, oneByOne(parts, "accounts?$top=1&$select=name"), ""));
      expect(inBulk.map((a) => a.status)).toEqual([201, 400]);
      expect(masked(inBulk)).toBe(masked(alone));
      for (const s of [bulk, single])
        expect(
          (await s.runtime.stores.crm.query({ entity: "accounts", limit: 10 })).map((r) => r.data.name),
        ).not.toContain("Stop 3");
    });

    it("should create each unit group's base unit when unit groups are created alone, in bulk or by upsert", async () => {
      const groups = [
        create(1, { name: "Weight", baseuomname: "kg" }, FULL, "uomschedules"),
        create(2, { name: "Length", baseuomname: "m" }, FULL, "uomschedules"),
      ];
      const inBulk = await crmBatch(bulk, groups);
      expect(masked(inBulk)).toBe(masked(posts(await crmBatch(single, oneByOne(groups, "uoms?$top=1")))));
      const lone = body(
        (await crmBatch(bulk, [create(1, { name: "Time", baseuomname: "hour" }, FULL, "uomschedules")]))[0]!,
      );
      const upserted = (await (
        await bulk.crm(`uomschedules(${crypto.randomUUID()})`, {
          method: "PATCH",
          headers: { Prefer: FULL },
          body: JSON.stringify({ name: "Volume", baseuomname: "l" }),
        })
      ).json()) as Record<string, unknown>;
      for (const [group, unitName] of [
        [body(inBulk[0]!), "kg"],
        [body(inBulk[1]!), "m"],
        [lone, "hour"],
        [upserted, "l"],
      ] as const) {
        const units = (await (
          await bulk.crm(`uoms?$filter=_uomscheduleid_value eq ${String(group.uomscheduleid)}`)
        ).json()) as { value: Record<string, unknown>[] };
        expect(units.value).toHaveLength(1);
        const unit = units.value[0]!;
        expect(unit).toMatchObject({
          name: unitName,
          _uomscheduleid_value: group.uomscheduleid,
          _baseuom_value: unit.uomid,
          quantity: 1,
          isschedulebaseuom: true,
        });
      }
    });
  });
}
