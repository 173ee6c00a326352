import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { ERP_SCOPE, startHarness, type Harness } from "./sandbox-harness";

/** Both connectors: a create with an idempotency key can be found by it, and a second create with it never duplicates. */
describe("idempotent creates", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const erpGet = async (path: string) => {
    const token = await h.tokens(ERP_SCOPE).token();
    const response = await fetch(`${h.served.origin}${SANDBOX_PATHS.erp}/${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("should write the key into Tandem's page of the table and hide it from the standard page when a Business Central create carries one", async () => {
    const connector = h.businessCentral();
    const [created] = await connector.write("customers", [
      { kind: "create", key: "CUSTOMER:aaaa", values: { displayName: "Keyed Ltd." } },
    ]);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { id: string }).id;
    const tandem = await erpGet(`tandem/integration/v1.0/companies(${BC_COMPANY.id})/customers(${id})`);
    expect(tandem.body).toMatchObject({ displayName: "Keyed Ltd.", integrationKey: "CUSTOMER:aaaa" });
    const standard = await erpGet(`v2.0/companies(${BC_COMPANY.id})/customers(${id})`);
    expect(standard.body.displayName).toBe("Keyed Ltd.");
    expect(standard.body).not.toHaveProperty("integrationKey");
    const found = await connector.findByKeys("customers", ["CUSTOMER:aaaa", "CUSTOMER:none"]);
    expect([...found.keys()]).toEqual(["CUSTOMER:aaaa"]);
    expect(found.get("CUSTOMER:aaaa")).toMatchObject({ id, key: "CUSTOMER:aaaa" });
    expect(found.get("CUSTOMER:aaaa")!.values).not.toHaveProperty("integrationKey");
  });

  it("should answer DUPLICATE and create nothing when a Business Central create repeats a key, alone or inside one batch", async () => {
    const connector = h.businessCentral();
    const before = (await h.runtime.stores.erp.query({ entity: "customers", limit: 1000 })).length;
    const again = await connector.write("customers", [
      { kind: "create", key: "CUSTOMER:aaaa", values: { displayName: "Keyed Ltd. again" } },
      { kind: "create", key: "CUSTOMER:bbbb", values: { displayName: "Twice in one batch" } },
      { kind: "create", key: "CUSTOMER:bbbb", values: { displayName: "Twice in one batch" } },
    ]);
    expect(again.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["DUPLICATE", "ok", "DUPLICATE"]);
    expect(again[0]).toMatchObject({ error: { status: 409, serviceCode: "Internal_EntityWithSameKeyExists" } });
    expect((await h.runtime.stores.erp.query({ entity: "customers", limit: 1000 })).length).toBe(before + 1);
  });

  it("should make one record when two Business Central creates with one key race each other", async () => {
    const connector = h.businessCentral();
    const create = () =>
      connector.write("customers", [{ kind: "create", key: "CUSTOMER:race", values: { displayName: "Raced Ltd." } }]);
    const answers = (await Promise.all([create(), create(), create()])).flat();
    expect(answers.map((r) => (r.ok ? "ok" : r.error.code)).sort()).toEqual(["DUPLICATE", "DUPLICATE", "ok"]);
    expect(
      (await h.runtime.stores.erp.query({ entity: "customers", limit: 1000 })).filter(
        (r) => r.data.displayName === "Raced Ltd.",
      ),
    ).toHaveLength(1);
  });

  it("should derive the record's id from the key and answer DUPLICATE when a Dataverse create repeats it", async () => {
    const connector = h.dataverse();
    const [first] = await connector.write("accounts", [
      { kind: "create", key: "CUSTOMER:cccc", values: { name: "Keyed account" } },
    ]);
    const [second] = await connector.write("accounts", [
      { kind: "create", key: "CUSTOMER:cccc", values: { name: "Keyed account" } },
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: "DUPLICATE" } });
    const found = await connector.findByKeys("accounts", ["CUSTOMER:cccc"]);
    expect(found.get("CUSTOMER:cccc")).toMatchObject({ id: (first as { id: string }).id, key: "CUSTOMER:cccc" });
    expect(
      (await h.runtime.stores.crm.query({ entity: "accounts", limit: 1000 })).filter(
        (r) => r.data.name === "Keyed account",
      ),
    ).toHaveLength(1);
  });

  it("should learn Tandem's pages and their key from the tenant's own $metadata when it describes Business Central", async () => {
    const catalog = await h.businessCentral({ catalog: undefined }).describe(["customers", "resources"]);
    const customers = catalog.entities.find((e) => e.name === "customers")!;
    expect(customers.extension).toMatchObject({ api: "tandem/integration/v1.0", integrationKey: "integrationKey" });
    expect(customers.fields.map((f) => f.name)).not.toContain("integrationKey");
    expect(catalog.entities.filter((e) => e.name === "customers")).toHaveLength(1);
    expect(catalog.entities.find((e) => e.name === "resources")!.extension?.integrationKey).toBe("integrationKey");
  });
});
