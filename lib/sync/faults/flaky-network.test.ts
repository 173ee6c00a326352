import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ODataClient } from "@/lib/connectors/odata/odata-client";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

const ERP_RECORDS = 600;
const CRM_RECORDS = 200;
/** 30% throttled (429, Retry-After), 5% server errors and 5% timeouts, on every request to either system. */
const FAULTS = { throttleRate: 0.3, serverErrorRate: 0.05, timeoutRate: 0.05, timeoutMs: 150, retryAfterSeconds: 0 };

describe("a sync through flaky services (30% 429, 10% 5xx and timeouts)", () => {
  let h: SyncHarness;
  const context = () =>
    h.context({
      settings: { pageSize: 150 },
      connector: {
        retry: { maxAttempts: 20, baseDelayMs: 5, maxDelayMs: 40, maxTotalDelayMs: 60_000 },
        timeoutMs: 2_000,
      },
    });

  beforeAll(async () => {
    h = await startSyncHarness(
      compileMappings([simpleCustomer({ conflicts: { update: "erp-wins", delete: "fail" } })]),
      { crm: { faults: { ...FAULTS, seed: 3 } }, erp: { faults: { ...FAULTS, seed: 5 } } },
    );
    await h.seed(
      "erp",
      "customers",
      Array.from({ length: ERP_RECORDS }, (_, i) => ({
        number: `F${i}`,
        displayName: `Flaky Customer ${i}`,
        city: "Start",
        phoneNumber: "",
      })),
    );
    await h.seed(
      "crm",
      "accounts",
      Array.from({ length: CRM_RECORDS }, (_, i) => ({
        name: `Flaky Account ${i}`,
        address1_city: "Start",
        telephone1: "0",
        customertypecode: 3,
        statecode: 0,
        statuscode: 1,
      })),
    );
  }, 60_000);
  afterAll(async () => h?.close());

  it("should complete a full synchronization both ways with no failed record when faults hit every kind of request", async () => {
    const ctx = context();
    const { passes } = await h.run("CUSTOMER", { mode: "full", createUncoupled: true }, ctx);
    expect(passes.map((p) => [p.status, p.counters.failed])).toEqual([
      ["succeeded", 0],
      ["succeeded", 0],
    ]);
    const stats = [ctx.connectors.erp, ctx.connectors.crm].map(
      (c) => (c as unknown as { client: ODataClient }).client.stats,
    );
    expect(
      stats.reduce((n, s) => n + s.throttled, 0),
      "the faults must really have been there",
    ).toBeGreaterThan(10);
    expect(stats.reduce((n, s) => n + s.retries, 0)).toBeGreaterThan(stats.reduce((n, s) => n + s.throttled, 0));
    expect(await h.all("erp", "customers")).toHaveLength(ERP_RECORDS + CRM_RECORDS);
    expect(await h.all("crm", "accounts")).toHaveLength(ERP_RECORDS + CRM_RECORDS);
  }, 300_000);

  it("should carry every edit of both sides with no failed record when the next runs meet the same faults", async () => {
    const customers = (await h.all("erp", "customers")).slice(0, 150);
    const accounts = (await h.all("crm", "accounts")).slice(-100);
    for (const c of customers) await h.edit("erp", "customers", c.id, { city: `Edited ${c.data.number}` });
    for (const a of accounts) await h.edit("crm", "accounts", a.id, { telephone1: `+1 ${a.id.slice(0, 6)}` });
    const { passes } = await h.run("CUSTOMER", {}, context());
    expect(passes.map((p) => [p.status, p.counters.failed])).toEqual([
      ["succeeded", 0],
      ["succeeded", 0],
    ]);
    const coupled = await h.couplingsOf("CUSTOMER");
    const erp = new Map((await h.all("erp", "customers")).map((c) => [c.id, c.data]));
    const crm = new Map((await h.all("crm", "accounts")).map((a) => [a.id, a.data]));
    for (const row of coupled) {
      expect(crm.get(row.crmId)!.address1_city).toBe(erp.get(row.erpId)!.city);
      expect(erp.get(row.erpId)!.phoneNumber ?? "").toBe(crm.get(row.crmId)!.telephone1 ?? "");
    }
    for (const c of customers)
      expect(crm.get(coupled.find((r) => r.erpId === c.id)!.crmId)!.address1_city).toBe(`Edited ${c.data.number}`);
  }, 300_000);
});
