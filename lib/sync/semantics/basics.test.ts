import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";
import { creationKey } from "../engine/creation-key";

describe("engine basics over the sandboxes", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
  });
  afterAll(async () => h?.close());

  it("should create and couple uncoupled customers in the CRM when the mapping creates records", async () => {
    const ids = await h.seed("erp", "customers", [
      {
        number: "C1",
        displayName: "Adatum",
        email: "a@adatum.test",
        city: "Atlanta",
        creditLimit: 100,
        phoneNumber: "",
      },
      { number: "C2", displayName: "Trey", email: "t@trey.test", city: "Chicago", creditLimit: 0, phoneNumber: "" },
    ]);
    const result = await h.run("CUSTOMER");
    const toCrm = result.passes[0]!;
    expect(toCrm.status).toBe("succeeded");
    expect(toCrm.counters).toMatchObject({ inserted: 2, failed: 0 });
    const accounts = await h.all("crm", "accounts");
    expect(accounts.map((a) => a.data.name).sort()).toEqual(["Adatum", "Trey"]);
    // Each created record carries its create's key: the destination finds it by that key.
    const byKey = await h.context().connectors.crm.findByKeys(
      "accounts",
      ids.map((id) => creationKey("CUSTOMER", id)),
    );
    expect([...byKey.values()].map((r) => r.id).sort()).toEqual(accounts.map((a) => a.id).sort());
    expect(accounts.find((a) => a.data.name === "Adatum")!.data).toMatchObject({
      customertypecode: 3,
      creditlimit: 100,
    });
    expect(await h.couplingsOf("CUSTOMER")).toHaveLength(2);
  });

  it("should report every record unchanged when nothing changed since the last run", async () => {
    const result = await h.run("CUSTOMER");
    expect(result.passes.map((p) => p.counters.inserted + p.counters.modified + p.counters.failed)).toEqual([0, 0]);
  });
});
