import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

describe("dry run", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer()]));
    await h.seed("erp", "customers", [
      { displayName: "Same", city: "Atlanta" },
      { displayName: "Changed", city: "Chicago" },
      { displayName: "Conflict", city: "Denver" },
    ]);
    await h.run("CUSTOMER");
    const customers = await h.all("erp", "customers");
    const byName = (name: string) => customers.find((c) => c.data.displayName === name)!;
    await h.edit("erp", "customers", byName("Changed").id, { city: "Springfield" });
    await h.edit("erp", "customers", byName("Conflict").id, { displayName: "Conflict ERP" });
    const account = (await h.all("crm", "accounts")).find((a) => a.data.name === "Conflict")!;
    await h.edit("crm", "accounts", account.id, { name: "Conflict CRM" });
    await h.seed("erp", "customers", [{ displayName: "New", city: "Boston" }]);
  });
  afterAll(async () => h?.close());

  it("should return create, update, unchanged and conflict per record, field by field, and write nothing", async () => {
    const before = {
      erp: await h.all("erp", "customers"),
      crm: await h.all("crm", "accounts"),
      couplings: await h.couplingsOf("CUSTOMER"),
      jobs: await h.jobsOf("CUSTOMER"),
    };
    const { passes } = await h.run("CUSTOMER", { direction: "erp-to-crm", dryRun: true });
    const diff = passes[0]!.diff!;
    const byAction = (action: string) => diff.filter((d) => d.action === action);
    expect(byAction("create")).toHaveLength(1);
    expect(byAction("create")[0]!.changes).toEqual(
      expect.arrayContaining([{ field: "name", before: null, after: "New", bidirectional: true }]),
    );
    expect(byAction("update")).toHaveLength(1);
    expect(byAction("update")[0]).toMatchObject({
      changes: [{ field: "address1_city", before: "Chicago", after: "Springfield" }],
    });
    expect(byAction("update")[0]!.couplingId).toBeTruthy();
    expect(byAction("conflict")[0]).toMatchObject({
      code: "UPDATE_CONFLICT",
      changes: expect.arrayContaining([
        { field: "name", before: "Conflict CRM", after: "Conflict ERP", bidirectional: true },
      ]),
    });
    expect(byAction("unchanged").length).toBeGreaterThanOrEqual(0);
    expect(passes[0]!.jobId).toBeNull();
    expect({
      erp: await h.all("erp", "customers"),
      crm: await h.all("crm", "accounts"),
      couplings: await h.couplingsOf("CUSTOMER"),
      jobs: await h.jobsOf("CUSTOMER"),
    }).toEqual(before);
  });
});
