import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";

type Counts = {
  EntityRecordCountCollection: { Keys: string[]; Values: number[] };
  error: { code: string; message: string };
};
const accounts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    data: { name: `Snap ${i}`, statecode: 0, statuscode: 1 },
  }));

describe("RetrieveTotalRecordCount in the CRM sandbox", () => {
  let s: RawSandbox;
  const counts = async (names: string) => {
    const response = await s.crm(`RetrieveTotalRecordCount(EntityNames=${names})`);
    return { status: response.status, body: (await response.json()) as Counts };
  };
  beforeAll(async () => {
    s = await rawSandbox({ crm: { recordCountSnapshotSeconds: 1 } });
    await s.runtime.stores.crm.insertMany("accounts", accounts(12));
  });
  afterAll(() => s?.close());

  it("should answer from a snapshot until it is older than the configured age", async () => {
    expect((await counts("['account']")).body.EntityRecordCountCollection.Values).toEqual([12]);
    await s.runtime.stores.crm.insertMany("accounts", accounts(3));
    expect((await counts("['account']")).body.EntityRecordCountCollection.Values).toEqual([12]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await counts("['account']")).body.EntityRecordCountCollection.Values).toEqual([15]);
  });

  it("should take each table's snapshot on its own and read a parameter alias", async () => {
    const response = await s.crm("RetrieveTotalRecordCount(EntityNames=@names)?@names=['contact','account']");
    expect(((await response.json()) as Counts).EntityRecordCountCollection).toMatchObject({
      Keys: ["contact", "account"],
      Values: [0, 15],
    });
  });

  it.each([
    ["an unknown table", "['nosuchtable']", "nosuchtable"],
    ["an entity set name", "['accounts']", "accounts"],
    ["a choice column", "['account.paymenttermscode']", "account.paymenttermscode"],
  ])("should answer Dataverse's not-found error when EntityNames holds %s", async (_label, names, name) => {
    const { status, body } = await counts(names);
    expect(status).toBe(404);
    expect(body.error).toEqual({
      code: "0x80040217",
      message: `Could not find an entity with name ${name} and id 00000000-0000-0000-0000-000000000000.`,
    });
  });

  it("should refuse a call without a list of names", async () => {
    expect((await counts("account")).status).toBe(400);
  });
});
