import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coupleDirectly } from "../test/couple";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { ownedCustomer, simpleSalespeople } from "../test/simple-mappings";

async function setup(owner: Parameters<typeof ownedCustomer>[0]) {
  const h = await startSyncHarness(compileMappings([simpleSalespeople(), ownedCustomer(owner)]));
  const [jim] = await h.seed("crm", "systemusers", [
    { fullname: "Jim Olive", internalemailaddress: "jim@cronus.test", isdisabled: false, islicensed: true },
  ]);
  const [jo] = await h.seed("erp", "salespeoplePurchasers", [
    { code: "JO", displayName: "Jim Olive", email: "jim@cronus.test" },
  ]);
  await h.seed("erp", "salespeoplePurchasers", [
    { code: "JR", displayName: "John Roberts", email: "john@cronus.test" },
  ]);
  await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", jo!, jim!);
  return { h, jim: jim! };
}

describe("lookups through couplings (§4.6, §8.6)", () => {
  let h: SyncHarness;
  let jim: string;
  beforeAll(async () => ({ h, jim } = await setup({ notNull: true })));
  afterAll(async () => h?.close());

  it("should write the coupled record as the reference when the referenced record is coupled", async () => {
    await h.seed("erp", "customers", [{ displayName: "Adatum", salespersonCode: "JO" }]);
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    const [account] = await h.all("crm", "accounts");
    expect(account!.data.ownerid).toBe(jim);
  });

  it("should fail the record with an error naming the reference when it is not coupled", async () => {
    await h.seed("erp", "customers", [{ displayName: "Alpine", salespersonCode: "JR" }]);
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ inserted: 0, failed: 1 });
    const [error] = await h.errorsOf(passes[0]!.jobId);
    expect(error).toMatchObject({ code: "LOOKUP_NOT_COUPLED" });
    expect(error!.message).toContain("with code JR is not coupled");
    expect(error!.payload).toBeTruthy();
  });

  it("should leave the reference alone instead of blanking it when the value is blank and not-null is set", async () => {
    await h.seed("erp", "customers", [{ displayName: "Blank Owner", salespersonCode: "" }]);
    await h.run("CUSTOMER");
    const account = (await h.all("crm", "accounts")).find((a) => a.data.name === "Blank Owner");
    expect(account).toBeDefined();
    expect(account!.data.ownerid ?? null).toBeNull();
  });
});

describe("clear on failed (Clear Value on Failed Sync)", () => {
  let h: SyncHarness;
  beforeAll(async () => ({ h } = await setup({ clearOnFailed: true })));
  afterAll(async () => h?.close());

  it("should write a blank reference and sync the record when the reference is not coupled", async () => {
    await h.seed("erp", "customers", [{ displayName: "Alpine", salespersonCode: "JR" }]);
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    expect((await h.all("crm", "accounts"))[0]!.data.ownerid ?? null).toBeNull();
  });
});

describe("not null (Not Null on a lookup)", () => {
  let h: SyncHarness;
  let jim: string;
  beforeAll(async () => ({ h, jim } = await setup({ notNull: true })));
  afterAll(async () => h?.close());

  it("should keep the destination's reference when the incoming reference is blank", async () => {
    const [id] = await h.seed("erp", "customers", [{ displayName: "Adatum", salespersonCode: "JO" }]);
    await h.run("CUSTOMER");
    await h.edit("erp", "customers", id!, { displayName: "Adatum Corp", salespersonCode: "" });
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ modified: 1, failed: 0 });
    const [account] = await h.all("crm", "accounts");
    expect(account!.data).toMatchObject({ name: "Adatum Corp", ownerid: jim });
  });
});
