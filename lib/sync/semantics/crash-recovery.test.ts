import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplingIntents } from "@/db/schema";
import { creationKey } from "../engine/creation-key";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

/**
 * What a run killed between "created in the destination" and "coupling stored" leaves behind, and how the next run
 * finds it by the idempotency key each created record carries instead of creating it twice.
 */
describe("recovery of creates whose coupling was never stored", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
  });
  afterAll(async () => h?.close());

  /** What the dead run did: the create, with its key, and (unless it died earlier) the intent written before it. */
  async function deadRunCreated(
    into: "erp" | "crm",
    sourceId: string,
    values: Record<string, unknown>,
    intent: boolean,
  ): Promise<string> {
    const connector = h.context().connectors[into];
    const [result] = await connector.write(into === "erp" ? "customers" : "accounts", [
      { kind: "create", key: creationKey("CUSTOMER", sourceId), values },
    ]);
    if (!result?.ok) throw new Error(`setup create failed: ${JSON.stringify(result)}`);
    if (intent)
      await h.harness.database.db.insert(couplingIntents).values({
        pairId: h.pairId,
        mappingName: "CUSTOMER",
        direction: into === "crm" ? "erp-to-crm" : "crm-to-erp",
        sourceId,
        payload: {},
      });
    return result.id;
  }
  const named = async (system: "erp" | "crm", name: string) =>
    (await h.all(system, system === "erp" ? "customers" : "accounts")).filter(
      (r) => r.data[system === "erp" ? "displayName" : "name"] === name,
    );

  it("should couple the record a dead run created before any pass reads when its intent is left behind", async () => {
    const [customer] = await h.seed("erp", "customers", [
      { displayName: "Recovered Ltd.", email: "r@recovered.test", city: "Oslo" },
    ]);
    const account = await deadRunCreated(
      "crm",
      customer!,
      { name: "Recovered Ltd.", emailaddress1: "r@recovered.test", address1_city: "Oslo", customertypecode: 3 },
      true,
    );
    // Only the opposite pass runs: it would read the account as an uncoupled CRM record.
    const { passes } = await h.run("CUSTOMER", { direction: "crm-to-erp" });
    expect(passes[0]!.counters).toMatchObject({ coupled: 1, inserted: 0, failed: 0 });
    expect(await named("erp", "Recovered Ltd.")).toHaveLength(1);
    expect((await h.couplingsOf("CUSTOMER")).find((c) => c.erpId === customer)?.crmId).toBe(account);
  });

  it("should couple an ERP record this mapping created back to its CRM origin instead of creating it in the CRM again", async () => {
    const [origin] = await h.seed("crm", "accounts", [
      {
        name: "Orphaned Inc.",
        emailaddress1: "o@orphaned.test",
        address1_city: "Rome",
        telephone1: "+39 06 1",
        customertypecode: 3,
        statecode: 0,
        statuscode: 1,
      },
    ]);
    const orphan = await deadRunCreated(
      "erp",
      origin!,
      { displayName: "Orphaned Inc.", email: "o@orphaned.test", city: "Rome" },
      false,
    );
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.counters).toMatchObject({ coupled: 1, inserted: 0 });
    expect(await named("crm", "Orphaned Inc.")).toHaveLength(1);
    expect((await h.couplingsOf("CUSTOMER")).find((c) => c.crmId === origin)?.erpId).toBe(orphan);
    // The pass from the origin then brings the orphan up to date.
    expect((await named("erp", "Orphaned Inc."))[0]!.data.phoneNumber).toBe("+39 06 1");
  });

  it("should take the record an earlier create made and bring it up to date when a create into the CRM meets its key", async () => {
    const [customer] = await h.seed("erp", "customers", [
      { displayName: "Late Landing Co.", email: "l@late.test", city: "Lima" },
    ]);
    await deadRunCreated("crm", customer!, { name: "Late Landing (old)", customertypecode: 3 }, false);
    const { passes } = await h.run("CUSTOMER", { direction: "erp-to-crm" });
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    expect(await named("crm", "Late Landing (old)")).toHaveLength(0);
    expect(await named("crm", "Late Landing Co.")).toHaveLength(1);
  });

  it("should take the record an earlier create made when a create into the ERP meets its key", async () => {
    const [account] = await h.seed("crm", "accounts", [
      {
        name: "Twice Sent GmbH",
        emailaddress1: "t@twice.test",
        address1_city: "Bern",
        telephone1: "1",
        customertypecode: 3,
        statecode: 0,
        statuscode: 1,
      },
    ]);
    const landed = await deadRunCreated(
      "erp",
      account!,
      { displayName: "Twice Sent GmbH", email: "t@twice.test", city: "Bern" },
      false,
    );
    const { passes } = await h.run("CUSTOMER", { direction: "crm-to-erp" });
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 0 });
    expect(await named("erp", "Twice Sent GmbH")).toHaveLength(1);
    expect((await h.couplingsOf("CUSTOMER")).find((c) => c.crmId === account)?.erpId).toBe(landed);
  });
});

describe("an uncouple a person made in a mapping that syncs coupled records only", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer({ syncOnlyCoupled: true })]));
  });
  afterAll(async () => h?.close());

  it("should stay uncoupled although the ERP record carries this mapping's key naming its CRM origin", async () => {
    const [origin] = await h.seed("crm", "accounts", [
      { name: "Let Go Ltd.", customertypecode: 3, statecode: 0, statuscode: 1 },
    ]);
    // Created by this mapping from the account, then uncoupled on purpose: the key stays in the record.
    const [created] = await h
      .context()
      .connectors.erp.write("customers", [
        { kind: "create", key: creationKey("CUSTOMER", origin!), values: { displayName: "Let Go Ltd." } },
      ]);
    expect(created).toMatchObject({ ok: true });
    const { passes } = await h.run("CUSTOMER");
    expect(passes.map((p) => p.counters.coupled)).toEqual([0, 0]);
    expect(await h.couplingsOf("CUSTOMER")).toEqual([]);
  });
});
